import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateResponses } from '../../functions/commons/office-views';
import { ReportTooLargeError } from '../../functions/commons/reports-table';
import { PUBLISHED_ON_METADATA, PUBLISHER_METADATA } from '../../functions/commons/wiring';
import { scheduledScanEvent } from '../../infra/local/local-stack';
import { reportIdFor } from '../../shared/report-id';
import { latenessOf } from '../../shared/responses';
import { ApiClient, startApi } from '../support/api-client';
import { forceReportText, manyRecommendationsText, nationalReportText, reportPdf } from '../support/documents';
import { useIsolatedServices } from '../support/local-services';

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let ingest: typeof import('../../functions/ingest/handler');
let scan: typeof import('../../functions/deadline-scan/handler');
let stopServer: () => Promise<void>;
let admin: ApiClient;
let cumbriaOffice: ApiClient;

beforeAll(async () => {
  services = await useIsolatedServices('identity');
  ingest = await import('../../functions/ingest/handler');
  scan = await import('../../functions/deadline-scan/handler');
  const { apiUrl, stop } = await startApi();
  stopServer = stop;
  admin = await ApiClient.signedIn(apiUrl, services.userPool, 'admin@fiftysix.test', services.stack.localPassword);
  cumbriaOffice = await ApiClient.signedIn(apiUrl, services.userPool, 'officer@cumbria.test', services.stack.localPassword);
});

afterAll(() => stopServer?.());

async function ingested(key: string, body: Uint8Array | string, publishedOn?: string) {
  const [outcome] = await ingest.handler(await services.upload(key, body, publishedOn));
  return outcome!;
}

/** Two reports with one title and force, published on two dates: the second with a recommendation more. */
async function namesakes(stem: string, force: string, title: string, [earlier, later]: [string, string]) {
  const first = await ingested(`uploads/${stem}.txt`, forceReportText(force, title), earlier);
  const second = await ingested(
    `uploads/${stem}-${later}.txt`,
    forceReportText(force, title, 'Recommendation 3\nWithin three months, the force should act again.'),
    later,
  );
  return [first, second] as const;
}

describe('one report however it arrives', () => {
  it('takes the same report as text and as PDF for one report, with two sources, and emails its office once a day', async () => {
    const text = forceReportText('Cumbria Constabulary', 'Crime scenes in Cumbria');
    const first = await ingested('uploads/crime-scenes.txt', text, '2024-03-07');
    const pdf = await ingested('uploads/crime-scenes.pdf', await reportPdf(text), '2024-03-07');
    expect(first).toMatchObject({ saved: 'saved', status: 'ingested' });
    expect(pdf).toMatchObject({ reportId: first.reportId, saved: 'another-source', status: 'ingested', owedBy: ['cumbria'] });
    const report = await services.reports.getReport(first.reportId);
    expect(report?.source.key).toBe('uploads/crime-scenes.txt');
    expect(report?.otherSources?.map((source) => source.key)).toEqual(['uploads/crime-scenes.pdf']);
    expect(await services.uploadRecord('uploads/crime-scenes.pdf')).toMatchObject({ reportId: first.reportId, saved: 'another-source' });
    expect((await services.reports.listReports()).filter((each) => each.title === 'Crime scenes in Cumbria')).toHaveLength(1);

    await services.clearOutbox();
    const result = await scan.handler(scheduledScanEvent(new Date('2024-04-17T09:00:00+01:00')));
    const cumbria = result.sent.filter((reminder) => reminder.bodyId === 'cumbria');
    expect(cumbria.map((reminder) => `${reminder.reportId} ${reminder.dateKind} ${reminder.stage}`).sort()).toEqual([
      `${first.reportId} chief-officer-comments overdue-8-days`,
      `${first.reportId} response-due due-in-14-days`,
    ]);
    const emails = (await services.outbox()).filter((email) => email.to.includes('governance@cumbria.test'));
    expect(emails).toHaveLength(1);
  });

  it('takes the same text saved again with one more newline for the same report, and the same file again as a duplicate', async () => {
    const text = forceReportText('Surrey Police', 'Custody in Surrey');
    const first = await ingested('uploads/custody.txt', text, '2024-06-03');
    const resaved = await ingested('uploads/custody (1).txt', `${text}\n`, '2024-06-03');
    const again = await ingested('uploads/custody.txt', text, '2024-06-03');
    expect(resaved).toMatchObject({ reportId: first.reportId, saved: 'another-source' });
    expect(again).toMatchObject({ reportId: first.reportId, saved: 'duplicate' });
    expect(await services.reports.getObligations(first.reportId)).toHaveLength(1);
    // S3 may deliver an event twice: the source it added is in the history once.
    const redelivered = await services.upload('uploads/custody (1).txt', `${text}\n`, '2024-06-03');
    await ingest.handler(redelivered);
    await ingest.handler(redelivered);
    expect((await services.reports.historyOf(first.reportId)).filter((event) => event.action === 'report.source-added')).toHaveLength(1);
  });

  it('takes a report with the same title, date and forces but other furniture for the same report', async () => {
    const title = 'Stop and search in Surrey';
    const first = await ingested('uploads/stop-search.txt', forceReportText('Surrey Police', title), '2024-07-01');
    const withCover = await ingested(
      'uploads/stop-search.html',
      `<html><head><title>${title}</title></head><body><h1>${title}</h1>${forceReportText('Surrey Police', title, 'Share this page. Cookies on this site.').replace(/\n/g, '<br>')}</body></html>`,
      '2024-07-01',
    );
    expect(withCover).toMatchObject({ reportId: first.reportId, saved: 'another-source' });
  });

  it('stores a report with a stored one’s title and forces but another date, marked for a person, never merged on a guess', async () => {
    const title = 'Vetting in Cumbria';
    const [first, other] = await namesakes('vetting', 'Cumbria Constabulary', title, ['2024-08-01', '2024-09-02']);
    expect(other.reportId).not.toBe(first.reportId);
    expect(other).toMatchObject({ saved: 'saved', status: 'ingested' });
    expect(await services.reports.getReport(other.reportId)).toMatchObject({ possibleDuplicateOf: first.reportId });
    expect(await services.reports.reviewItems()).toContainEqual({ what: 'possible-duplicate', reportId: other.reportId, title, of: first.reportId });

    // Only an administrator sees the list and settles it.
    expect((await cumbriaOffice.request('GET', '/review')).status).toBe(403);
    expect((await cumbriaOffice.request('POST', `/reports/${other.reportId}/duplicate`, { decision: 'merge', reason: 'same' })).status).toBe(403);
    const listed = await admin.request('GET', '/review');
    expect(listed.body).toContainEqual({ what: 'possible-duplicate', reportId: other.reportId, title, of: first.reportId });
    const merged = await admin.request('POST', `/reports/${other.reportId}/duplicate`, { decision: 'merge', reason: 'The same inspection, dated wrongly' });
    expect(merged.status).toBe(200);
    expect(merged.body.report).toMatchObject({ id: first.reportId });
    expect(merged.body.report.otherSources.map((source: { key: string }) => source.key)).toEqual(['uploads/vetting-2024-09-02.txt']);
    expect(await services.reports.getReport(other.reportId)).toMatchObject({ status: 'no-duty', mergedInto: first.reportId, possibleDuplicateOf: null });
    expect(await services.reports.getObligations(other.reportId)).toEqual([
      expect.objectContaining({ bodyId: 'cumbria', nextReminderOn: null, closure: expect.objectContaining({ kind: 'no-duty' }) }),
    ]);
    expect((await admin.request('GET', '/review')).body).not.toContainEqual(expect.objectContaining({ reportId: other.reportId }));
    expect((await admin.request('POST', `/reports/${other.reportId}/duplicate`, { decision: 'dismiss', reason: 'again' })).status).toBe(422);
  });

  it('refuses, by name, a change that would take a report past what one item holds, such as one source too many', async () => {
    const outcome = await ingested('uploads/long-surrey.txt', manyRecommendationsText('Surrey Police', 'A long Surrey report', 598), '2026-09-01');
    const state = (await services.reports.getReportState(outcome.reportId))!;
    const otherSources = Array.from({ length: 1500 }, (_, index) => ({ ...state.report.source, key: `uploads/long-surrey (${index}).txt` }));
    await expect(services.reports.saveChange(state, { report: { ...state.report, otherSources }, obligations: [], events: [] })).rejects.toThrow(
      ReportTooLargeError,
    );
    expect((await services.reports.getReport(outcome.reportId))?.otherSources).toBeUndefined();
  });

  it('marks a third namesake as a possible duplicate of the report kept, never of one merged into it', async () => {
    const title = 'Roads policing in Surrey';
    const idOf = (text: string) => reportIdFor(new TextEncoder().encode(text));
    const keptText = forceReportText('Surrey Police', title);
    // The misdated copy is written so that it sorts first among the title's reports, where the look-up finds it first.
    const misdatedText = Array.from({ length: 64 }, (_, months) =>
      forceReportText('Surrey Police', title, `Recommendation 3\nWithin ${months + 2} months, the force should act again.`),
    ).find((text) => idOf(text) < idOf(keptText))!;
    const kept = await ingested('uploads/roads.txt', keptText, '2026-07-01');
    const misdated = await ingested('uploads/roads-misdated.txt', misdatedText, '2026-07-08');
    expect(misdated.reportId < kept.reportId).toBe(true);
    expect((await admin.request('POST', `/reports/${misdated.reportId}/duplicate`, { decision: 'merge', reason: 'Misdated' })).status).toBe(200);
    const third = await ingested(
      'uploads/roads-2027.txt',
      forceReportText('Surrey Police', title, 'Recommendation 3\nBy 2028, the force should act.'),
      '2027-07-01',
    );
    expect(await services.reports.getReport(third.reportId)).toMatchObject({ possibleDuplicateOf: kept.reportId });
  });

  it('carries what an office recorded on a possible duplicate to the report it is merged into, so its reminders stay stopped', async () => {
    const title = 'Stop and search in Cumbria';
    const [first, misdated] = await namesakes('stop-search', 'Cumbria Constabulary', title, ['2026-09-07', '2026-09-14']);
    const recorded = await cumbriaOffice.request('POST', `/reports/${misdated.reportId}/bodies/cumbria/progress`, {
      action: 'chief-officer-comments-received',
      on: '2026-09-20',
    });
    expect(recorded.status).toBe(200);
    for (const recommendation of ['2', '3']) {
      const explained = await cumbriaOffice.request('POST', `/reports/${misdated.reportId}/bodies/cumbria/progress`, {
        action: 'recommendation-explained',
        recommendation,
        note: `Explained ${recommendation}`,
      });
      expect(explained.status).toBe(200);
    }
    expect((await admin.request('POST', `/reports/${misdated.reportId}/duplicate`, { decision: 'merge', reason: 'Misdated' })).status).toBe(200);
    const [cumbria] = await services.reports.getObligations(first.reportId);
    // The misdated copy's third recommendation is not in the report it is merged into.
    expect(cumbria!.progress).toMatchObject({
      chiefOfficerCommentsReceivedOn: '2026-09-20',
      explainedRecommendations: ['2'],
      recommendationNotes: { '2': 'Explained 2' },
    });
    expect(await services.reports.historyOf(first.reportId)).toContainEqual(
      expect.objectContaining({
        action: 'progress.recorded',
        reason: `Recorded on report ${misdated.reportId}, merged into this one`,
        after: { carriedFor: ['cumbria'], notCarried: [{ bodyId: 'cumbria', recommendations: ['3'] }], notConcerned: [] },
      }),
    );
  });

  it('keeps a possible duplicate a person dismisses as a report of its own', async () => {
    const title = 'Neighbourhood policing in Surrey';
    const [first, next] = await namesakes('neighbourhood', 'Surrey Police', title, ['2024-08-01', '2025-08-01']);
    const dismissed = await admin.request('POST', `/reports/${next.reportId}/duplicate`, { decision: 'dismiss', reason: 'The next year’s inspection' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.report).toMatchObject({ id: next.reportId, status: 'ingested', possibleDuplicateOf: null });
    expect(await services.reports.getReport(first.reportId)).not.toHaveProperty('otherSources');
  });
});

describe('a date a discovered page gives is not a person’s word', () => {
  it('never moves a stored report’s date when a site lists the same report under a later date', async () => {
    const text = forceReportText('Cumbria Constabulary', 'Firearms licensing in Cumbria');
    const stored = await ingested('uploads/firearms.txt', text, '2026-09-01');
    const listed = await ingested('uploads/discovered/www.cumbria-pcc.example/reports-firearms.txt', text, '2026-09-08');
    expect(listed).toMatchObject({ reportId: stored.reportId, saved: 'duplicate' });
    expect(await services.reports.getReport(stored.reportId)).toMatchObject({ publishedOn: '2026-09-01', publishedOnSource: 'upload-metadata' });
  });

  it('starts no clock for a discovered document the rules do not recognise as a report', async () => {
    const minutes =
      'Police and Crime Panel\n\nMinutes of the meeting held on 3 September 2026\n\nPresent: the Commissioner and members of the panel.\n\nThe panel noted the budget for the coming year.';
    const outcome = await ingested('uploads/discovered/www.cumbria-pcc.example/panel-minutes.txt', minutes, '2026-09-03');
    expect(outcome).toMatchObject({ status: 'no-duty', owedBy: [] });
  });

  it('reads a document discovered on the inspectorate’s own site as its report, whatever its text says', async () => {
    // Its words alone name neither the inspectorate nor an inspection: read so, it is nobody's report.
    const report = (topic: string) =>
      `Surrey Police: the response to ${topic}\n\nSurrey Police records too few crimes of ${topic}, and victims wait too long for an answer.`;
    const fromElsewhere = await ingested('uploads/discovered/www.cumbria-pcc.example/stalking.txt', report('stalking'), '2026-09-12');
    expect(fromElsewhere).toMatchObject({ status: 'no-duty', owedBy: [] });
    const [fromTheInspectorate] = await ingest.handler(
      await services.upload('uploads/discovered/hmicfrs.example/harassment.txt', report('harassment'), {
        [PUBLISHED_ON_METADATA]: '2026-09-12',
        [PUBLISHER_METADATA]: 'inspectorate',
      }),
    );
    expect(fromTheInspectorate).toMatchObject({ status: 'ingested', owedBy: ['surrey'] });
    // Only discovery says whose a document is: a person's upload naming the publisher is read by its words (dated by a
    // person, an unrecognised document is owed all the same, so this one names no date).
    const [uploaded] = await ingest.handler(await services.upload('uploads/assault.txt', report('assault'), { [PUBLISHER_METADATA]: 'inspectorate' }));
    expect(uploaded).toMatchObject({ status: 'no-duty', owedBy: [] });
  });

  it('dates a discovered report from its page, as the publication states it', async () => {
    const outcome = await ingested(
      'uploads/discovered/hmicfrs.example/custody-surrey.txt',
      forceReportText('Surrey Police', 'Custody suites in Surrey'),
      '2026-09-10',
    );
    expect(await services.reports.getReport(outcome.reportId)).toMatchObject({ publishedOn: '2026-09-10', publishedOnSource: 'document' });
  });
});

describe('a person’s upload the rules do not recognise is shown to a person', () => {
  const unrecognised = (topic: string) =>
    `Surrey Police: the response to ${topic}\n\nSurrey Police records too few crimes of ${topic}, and victims wait too long for an answer.`;
  const waiting = async () => (await admin.request('GET', '/review')).body as Array<{ what: string; reportId: string }>;

  it('lists an upload read as neither a report nor a response until a person says what it is, but not what discovery took', async () => {
    const uploaded = await ingested('uploads/robbery.txt', unrecognised('robbery'));
    const discovered = await ingested('uploads/discovered/www.cumbria-pcc.example/burglary.txt', unrecognised('burglary'));
    expect(uploaded).toMatchObject({ status: 'no-duty', owedBy: [] });
    expect(await waiting()).toContainEqual({ what: 'unrecognised-upload', reportId: uploaded.reportId, title: expect.any(String), of: null });
    expect(await waiting()).not.toContainEqual(expect.objectContaining({ reportId: discovered.reportId }));

    const corrected = await admin.request('POST', `/reports/${uploaded.reportId}/corrections`, {
      type: 'kind',
      kind: 'hmicfrs-report',
      reason: 'It is the inspectorate’s robbery inspection of Surrey',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.report).toMatchObject({ kind: 'hmicfrs-report', kindCorrectedBy: 'admin@fiftysix.test' });
    expect(await waiting()).not.toContainEqual(expect.objectContaining({ reportId: uploaded.reportId }));
  });

  it('lists a person’s copy of what discovery took already, the same bytes, keeping it as one of its sources', async () => {
    const text = unrecognised('shoplifting');
    const discovered = await ingested('uploads/discovered/www.cumbria-pcc.example/shoplifting.txt', text);
    expect(await waiting()).not.toContainEqual(expect.objectContaining({ reportId: discovered.reportId }));
    const copy = await ingested('uploads/shoplifting.txt', text);
    expect(copy).toMatchObject({ reportId: discovered.reportId, saved: 'duplicate' });
    expect((await services.reports.getReport(copy.reportId))?.otherSources?.map((source) => source.key)).toEqual(['uploads/shoplifting.txt']);
    expect(await waiting()).toContainEqual(expect.objectContaining({ what: 'unrecognised-upload', reportId: copy.reportId }));
  });

  it('settles the question when the inspectorate’s site gives the same bytes, read as its report, keeping the person’s upload', async () => {
    const text = unrecognised('arson');
    const uploaded = await ingested('uploads/arson.txt', text);
    expect(await waiting()).toContainEqual(expect.objectContaining({ what: 'unrecognised-upload', reportId: uploaded.reportId }));
    const [fromTheInspectorate] = await ingest.handler(
      await services.upload('uploads/discovered/hmicfrs.example/arson.txt', text, {
        [PUBLISHED_ON_METADATA]: '2026-09-12',
        [PUBLISHER_METADATA]: 'inspectorate',
      }),
    );
    expect(fromTheInspectorate).toMatchObject({ reportId: uploaded.reportId, status: 'ingested', owedBy: ['surrey'] });
    const report = await services.reports.getReport(uploaded.reportId);
    expect(report).toMatchObject({ kind: 'hmicfrs-report', source: { key: 'uploads/discovered/hmicfrs.example/arson.txt' } });
    expect(report?.otherSources?.map((source) => source.key)).toEqual(['uploads/arson.txt']);
    expect(await waiting()).not.toContainEqual(expect.objectContaining({ reportId: uploaded.reportId }));
  });

  it('settles the question when a person confirms it is not a report, and raises the next when they say it is a response', async () => {
    const notAReport = await ingested('uploads/theft.txt', unrecognised('theft'));
    const confirmed = await admin.request('POST', `/reports/${notAReport.reportId}/corrections`, {
      type: 'kind',
      kind: 'other',
      reason: 'A briefing note, not a report',
    });
    expect(confirmed.status).toBe(200);
    expect(await waiting()).not.toContainEqual(expect.objectContaining({ reportId: notAReport.reportId }));

    const aResponse = await ingested('uploads/fraud.txt', unrecognised('fraud'));
    await admin.request('POST', `/reports/${aResponse.reportId}/corrections`, { type: 'kind', kind: 'pcc-response', reason: 'The PCC’s letter' });
    expect((await waiting()).filter((item) => item.reportId === aResponse.reportId)).toEqual([
      { what: 'unlinked-response', reportId: aResponse.reportId, title: expect.any(String), of: null },
    ]);
  });
});

describe('a response knows its report', () => {
  it('links a body’s response to the national report it answers: its reminders stop, it is dated from the letter, and what it leaves unexplained is listed', async () => {
    const national = await ingested(
      'uploads/national.txt',
      `${nationalReportText('Policing of crime in all forces')}\n\nRecommendation 2\nBy March 2040, all forces should publish how many victims of burglary receive a visit within a day.`,
      '2026-09-01',
    );
    expect(national).toMatchObject({ status: 'ingested', owedBy: ['cumbria', 'surrey'] });
    const letter = [
      'Cumbria Police and Crime Commissioner response to the HMICFRS report: Policing of crime in all forces',
      '',
      'Date: 14 October 2026',
      '',
      'I welcome the HMICFRS report Policing of crime in all forces, published on 1 September 2026. I have asked the Chief Constable of Cumbria Constabulary for his comments, which follow.',
      '',
      'Recommendation 1',
      'Cumbria Constabulary has reviewed how it records crime and will audit it every quarter.',
    ].join('\n');
    const response = await ingested('uploads/cumbria-response.txt', letter, undefined);
    expect(response.reportId).not.toBe(national.reportId);
    expect(await services.reports.getReport(response.reportId)).toMatchObject({
      kind: 'pcc-response',
      status: 'no-duty',
      letterDatedOn: '2026-10-14',
      answers: { reportId: national.reportId, bodyIds: ['cumbria'] },
    });
    expect(await services.reports.getObligations(response.reportId)).toEqual([]);
    // The same letter again, and as a PDF: still one response, linked once.
    expect(await ingested('uploads/cumbria-response.txt', letter)).toMatchObject({ reportId: response.reportId, saved: 'duplicate' });
    expect(await ingested('uploads/cumbria-response.pdf', await reportPdf(letter))).toMatchObject({ reportId: response.reportId, saved: 'another-source' });
    expect(await services.reports.getReport(response.reportId)).toMatchObject({ answers: { reportId: national.reportId, bodyIds: ['cumbria'] } });
    expect((await services.reports.historyOf(national.reportId)).filter((event) => event.action === 'response.linked')).toHaveLength(1);

    const obligations = await services.reports.getObligations(national.reportId);
    const cumbria = obligations.find((obligation) => obligation.bodyId === 'cumbria')!;
    const surrey = obligations.find((obligation) => obligation.bodyId === 'surrey')!;
    expect(cumbria.progress).toMatchObject({ responsePublishedOn: '2026-10-14', chiefOfficerCommentsReceivedOn: '2026-10-14' });
    expect(cumbria.response).toEqual({
      responseId: response.reportId,
      publishedOn: '2026-10-14',
      notAddressed: [{ key: '2', text: 'By March 2040, all forces should publish how many victims of burglary receive a visit within a day.' }],
    });
    expect(surrey.progress.responsePublishedOn).toBeNull();

    // Cumbria's response-due reminders stop; Surrey, which has not responded, still gets its own.
    const sent = await scan.handler(scheduledScanEvent(new Date('2026-10-12T09:00:00+01:00')));
    expect(
      sent.sent
        .filter((reminder) => reminder.reportId === national.reportId)
        .map((reminder) => `${reminder.bodyId} ${reminder.dateKind} ${reminder.stage}`)
        .sort(),
    ).toEqual(['surrey chief-officer-comments overdue-8-days', 'surrey response-due due-in-14-days']);
    expect(latenessOf({ id: national.reportId, publishedOn: '2026-09-01' }, obligations)).toEqual([
      expect.objectContaining({ bodyId: 'cumbria', dayOfPeriod: 44, daysLate: 0 }),
    ]);
  });

  it('keeps a response that answers no stored report, listed for a person to link, who links it through the API', async () => {
    const letter =
      'Surrey Police and Crime Commissioner response to the HMICFRS report: Mounted policing in Surrey\n\nDate: 3 November 2026\n\nI welcome the report. On recommendation 1, the force now reviews its supervision every month.';
    const response = await ingested('uploads/surrey-response.txt', letter, undefined);
    expect(await services.reports.getReport(response.reportId)).toMatchObject({ kind: 'pcc-response', answers: null });
    expect((await admin.request('GET', '/review')).body).toContainEqual(expect.objectContaining({ what: 'unlinked-response', reportId: response.reportId }));

    const report = await ingested('uploads/horses.txt', forceReportText('Surrey Police', 'Horses and dogs: the Surrey inspection'), '2026-10-01');
    const link = { reportId: report.reportId, reason: 'The letter answers the horses report under another name' };
    expect((await cumbriaOffice.request('POST', `/reports/${response.reportId}/responds-to`, link)).status).toBe(403);
    expect((await admin.request('POST', `/reports/${report.reportId}/responds-to`, link)).status).toBe(422);
    const linked = await admin.request('POST', `/reports/${response.reportId}/responds-to`, link);
    expect(linked.status).toBe(200);
    const [surrey] = linked.body.obligations;
    expect(surrey).toMatchObject({
      bodyId: 'surrey',
      progress: { responsePublishedOn: '2026-11-03' },
      response: { responseId: response.reportId, notAddressed: [{ key: '2', text: expect.stringContaining('supervises investigations') }] },
    });
    expect(linked.body.lateness).toEqual([
      { reportId: report.reportId, bodyId: 'surrey', publishedOn: '2026-10-01', responsePublishedOn: '2026-11-03', dayOfPeriod: 34, daysLate: 0 },
    ]);
    expect(await services.reports.getReport(response.reportId)).toMatchObject({ answers: { reportId: report.reportId, bodyIds: ['surrey'] } });
    // What `cli lateness` prints: every published response, report by report and body by body.
    expect(await lateResponses(services)).toContainEqual({ ...linked.body.lateness[0], title: 'Horses and dogs: the Surrey inspection' });
    expect((await admin.request('GET', '/review')).body).not.toContainEqual(expect.objectContaining({ reportId: response.reportId }));
  });

  it('links a response to the report a possible duplicate was merged into, not taking the merged one for a second candidate', async () => {
    const title = 'Missing children in Cumbria';
    const [first, misdated] = await namesakes('missing', 'Cumbria Constabulary', title, ['2026-09-07', '2026-09-14']);
    const merged = await admin.request('POST', `/reports/${misdated.reportId}/duplicate`, { decision: 'merge', reason: 'The same inspection, dated wrongly' });
    expect(merged.status).toBe(200);
    const letter = `Cumbria Police and Crime Commissioner response to the HMICFRS report: ${title}\n\nDate: 2 November 2026\n\nRecommendation 1\nDone.`;
    const response = await ingested('uploads/missing-response.txt', letter);
    expect(await services.reports.getReport(response.reportId)).toMatchObject({ answers: { reportId: first.reportId, bodyIds: ['cumbria'] } });
    expect(await services.reports.getObligations(first.reportId)).toEqual([
      expect.objectContaining({ bodyId: 'cumbria', progress: expect.objectContaining({ responsePublishedOn: '2026-11-02' }) }),
    ]);
  });

  it('checks a long response whole, not only as much of its text as the record keeps', async () => {
    const report = await ingested('uploads/vetting-surrey.txt', forceReportText('Surrey Police', 'Vetting and counter-corruption in Surrey'), '2026-10-05');
    const plan = Array.from({ length: 1800 }, (_, index) => `Action ${index + 1}: our office met partners across the county this year.`).join('\n\n');
    const letter = `Surrey Police and Crime Commissioner response to the HMICFRS report: Vetting and counter-corruption in Surrey\n\nDate: 6 November 2026\n\nRecommendation 1\nDone.\n\n${plan}\n\nRecommendation 2\nDone too.`;
    expect(letter.length).toBeGreaterThan(100_000);
    const response = await ingested('uploads/vetting-surrey-response.txt', letter);
    expect(await services.reports.getReport(response.reportId)).toMatchObject({ answers: { reportId: report.reportId } });
    expect(await services.reports.getObligations(report.reportId)).toEqual([
      expect.objectContaining({ bodyId: 'surrey', response: expect.objectContaining({ notAddressed: [] }) }),
    ]);
  });

  it('links every body’s response to a national report when it arrives after them', async () => {
    const title = 'Burglary visits: a national inspection';
    const letter = (body: string, force: string) =>
      `${body} response to the HMICFRS report: ${title}\n\nDate: 6 November 2026\n\n${force} now visits every burglary victim within a day.`;
    const cumbria = await ingested('uploads/burglary-cumbria-response.txt', letter('Cumbria Police and Crime Commissioner', 'Cumbria Constabulary'));
    const surrey = await ingested('uploads/burglary-surrey-response.txt', letter('Surrey Police and Crime Commissioner', 'Surrey Police'));
    const national = await ingested('uploads/burglary-national.txt', nationalReportText(title), '2026-10-01');
    for (const response of [cumbria, surrey])
      expect(await services.reports.getReport(response.reportId)).toMatchObject({ answers: { reportId: national.reportId } });
    const obligations = await services.reports.getObligations(national.reportId);
    expect(obligations.map((obligation) => [obligation.bodyId, obligation.progress.responsePublishedOn]).sort()).toEqual([
      ['cumbria', '2026-11-06'],
      ['surrey', '2026-11-06'],
    ]);
  });

  it('links a response uploaded before its report when the report arrives, and takes the response again as a copy', async () => {
    const letter =
      'Cumbria Police and Crime Commissioner response to the HMICFRS report: Custody in Cumbria\n\nDate: 5 November 2026\n\nRecommendation 1\nDone.\n\nRecommendation 2\nDone too.';
    const early = await ingested('uploads/custody-response.txt', letter);
    expect(await services.reports.getReport(early.reportId)).toMatchObject({ answers: null, respondsTo: { title: 'Custody in Cumbria' } });
    expect((await admin.request('GET', '/review')).body).toContainEqual(expect.objectContaining({ what: 'unlinked-response', reportId: early.reportId }));
    const report = await ingested('uploads/custody-cumbria.txt', forceReportText('Cumbria Constabulary', 'Custody in Cumbria'), '2026-10-20');
    expect(await services.reports.getReport(early.reportId)).toMatchObject({ status: 'no-duty', answers: { reportId: report.reportId, bodyIds: ['cumbria'] } });
    expect((await admin.request('GET', '/review')).body).not.toContainEqual(expect.objectContaining({ reportId: early.reportId }));
    expect(await ingested('uploads/custody-response (again).txt', letter)).toMatchObject({ reportId: early.reportId });
    expect(await services.reports.getReport(early.reportId)).toMatchObject({ status: 'no-duty', answers: { reportId: report.reportId, bodyIds: ['cumbria'] } });
    expect(await services.reports.getObligations(report.reportId)).toEqual([
      expect.objectContaining({
        bodyId: 'cumbria',
        progress: expect.objectContaining({ responsePublishedOn: '2026-11-05' }),
        response: expect.objectContaining({ notAddressed: [] }),
      }),
    ]);
  });
});
