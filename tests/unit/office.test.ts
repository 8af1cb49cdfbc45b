import { describe, expect, it } from 'vitest';
import { assertMayCorrect, ForbiddenError, type Viewer } from '../../shared/access';
import { calendarFeed } from '../../shared/calendar-feed';
import { parseDeploymentConfiguration } from '../../shared/configuration';
import { CorrectionRefusedError, correctObligation, correctReport } from '../../shared/corrections';
import { planSeed, REMOVED_FROM_FILE, seedDigest } from '../../shared/directory';
import type { ExtractionResult, Obligation } from '../../shared/model';
import { obligationState, stillMissing, summariseObligation } from '../../shared/obligation-state';
import { applyProgress, carriedProgress, ProgressRefusedError } from '../../shared/progress';
import { NO_PROGRESS } from '../../shared/reminders';
import { changedObligations, type ReadReport, readReport, reconcileObligations } from '../../shared/report-ingestion';
import { trackerSpreadsheet } from '../../shared/tracker-spreadsheet';

const configuration = parseDeploymentConfiguration(
  {
    senderAddress: 'reminders@example.org',
    localPolicingBodies: [
      { id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: ['cumbria@example.org'] },
      { id: 'surrey', name: 'Surrey PCC', force: 'Surrey Police', recipients: ['surrey@example.org'] },
    ],
    users: [{ email: 'officer@cumbria.example.org', bodyIds: ['cumbria'] }],
  },
  'test',
);
const bodies = configuration.localPolicingBodies;
const kent = { id: 'kent', name: 'Kent PCC', force: 'Kent Police', recipients: ['kent@example.org'] };

const extraction = (overrides: Partial<ExtractionResult> = {}): ExtractionResult => ({
  kind: 'hmicfrs-report',
  title: 'A national inspection',
  publishedOn: '2024-03-07',
  forces: [],
  recommendations: [
    { ref: null, text: 'By March 2025, forces should act.', targetDate: '2025-03-31', addressees: ['forces'], level: 'force' },
    { ref: null, text: 'Within six months, forces should review.', targetDate: null, addressees: ['forces'], level: 'force' },
  ],
  areasForImprovement: [],
  causesOfConcern: [],
  respondsTo: null,
  s55: { applies: true, reason: 'A national inspection.' },
  ...overrides,
});

function read(overrides: Partial<ExtractionResult> = {}, uploadedAt = '2024-03-08T09:00:00Z'): ReadReport {
  return readReport({
    reportId: 'r1',
    source: { bucket: 'b', key: 'uploads/r.pdf', uploadedAt },
    extraction: extraction(overrides),
    publishedOnFromUpload: null,
    bodies,
    by: 'upload',
  });
}

const person = { by: 'officer@cumbria.example.org', on: '2024-03-20' };
const of = (read: ReadReport, bodyId: string) => read.obligations.find((obligation) => obligation.bodyId === bodyId)!;

describe('obligations follow what is known of the report and the bodies', () => {
  it('marks a report read long after its last day as historical: listed, but no reminders until a person takes it up', () => {
    const old = read({ publishedOn: '2019-05-02' }, '2026-12-01T10:00:00Z');
    expect(old.obligations.map((obligation) => [obligation.historical, obligation.nextReminderOn])).toEqual([
      [true, null],
      [true, null],
    ]);
    expect(obligationState(of(old, 'cumbria'), '2026-12-01')).toBe('overdue');
    const takenUp = correctObligation(of(old, 'cumbria'), { type: 'take-up' }, { ...person, on: '2026-12-01', reason: 'Still to answer' });
    const followed = reconcileObligations(old.report, [takenUp, of(old, 'surrey')], bodies, person, { stored: old.obligations });
    expect(of(followed, 'cumbria')).toMatchObject({ historical: false, takenUp: { by: person.by } });
    expect(of(followed, 'cumbria').nextReminderOn).not.toBeNull();
    expect(of(followed, 'surrey').historical).toBe(true);
    // Four weeks after the last day is not yet history: a late upload is still reminded.
    expect(read({ publishedOn: '2024-03-07' }, '2024-05-28T10:00:00Z').obligations[0]?.historical).toBe(false);
  });

  it('gives a body added later an obligation for a national report, and leaves a retired body’s as it was', () => {
    const national = read();
    const withKent = reconcileObligations(national.report, national.obligations, [...bodies, kent], person);
    expect(withKent.obligations.map((obligation) => obligation.bodyId)).toEqual(['cumbria', 'surrey', 'kent']);
    expect(changedObligations(national.obligations, withKent.obligations).map((obligation) => obligation.bodyId)).toEqual(['kent']);
    const withoutSurrey = reconcileObligations(national.report, national.obligations, [bodies[0]!], person);
    expect(of(withoutSurrey, 'surrey')).toEqual(of(national, 'surrey'));
  });

  it('closes the obligation of a body a correction says is not concerned, keeping what it recorded, and reopens it when corrected back', () => {
    const national = read();
    const recorded = { ...of(national, 'surrey'), progress: { ...NO_PROGRESS, chiefOfficerCommentsReceivedOn: '2024-03-18' } };
    const forCumbria = correctReport(
      national.report,
      { type: 'forces', forces: ['Cumbria Police'] },
      { by: person.by, reason: 'Only about Cumbria', today: person.on },
    );
    expect(forCumbria.forces).toEqual(['Cumbria Constabulary']);
    const narrowed = reconcileObligations(forCumbria, [of(national, 'cumbria'), recorded], bodies, person);
    expect(of(narrowed, 'surrey')).toMatchObject({ closure: { kind: 'no-duty', by: person.by }, nextReminderOn: null, progress: recorded.progress });
    expect(obligationState(of(narrowed, 'surrey'), '2024-03-20')).toBe('no-duty');
    const widened = reconcileObligations({ ...forCumbria, forces: [] }, narrowed.obligations, bodies, person);
    expect(of(widened, 'surrey')).toMatchObject({ closure: null, progress: recorded.progress });
    expect(of(widened, 'surrey').nextReminderOn).not.toBeNull();
  });

  it('lets a person decide the s55 duty either way, over what the rules read', () => {
    const other = read({ kind: 'other', s55: { applies: false, reason: 'Not recognised as an inspection report.' } });
    expect(other.report.status).toBe('no-duty');
    const decided = correctReport(
      other.report,
      { type: 's55', applies: true },
      { by: person.by, reason: 'A national inspection HMICFRS published', today: person.on },
    );
    const owed = reconcileObligations(decided, other.obligations, bodies, person);
    expect(owed.report).toMatchObject({ status: 'ingested', s55: { applies: true, decidedBy: person.by } });
    expect(owed.obligations.map((obligation) => obligation.bodyId)).toEqual(['cumbria', 'surrey']);
    const undecided = reconcileObligations(
      correctReport(decided, { type: 's55', applies: false }, { by: person.by, reason: 'A fire report', today: person.on }),
      owed.obligations,
      bodies,
      person,
    );
    expect(undecided.report.status).toBe('no-duty');
    expect(undecided.obligations.every((obligation) => obligation.closure?.kind === 'no-duty')).toBe(true);
  });

  it('keeps recommendations’ keys when one is added or removed, with what was recorded against them', () => {
    const national = read();
    expect(national.report.recommendations.map((recommendation) => recommendation.key)).toEqual(['1', '2']);
    const explained = {
      ...of(national, 'cumbria'),
      progress: { ...NO_PROGRESS, explainedRecommendations: ['1', '2'], recommendationNotes: { '2': 'Reviewed in May' } },
    };
    const context = { by: person.by, reason: 'The report has three', today: person.on };
    const removed = correctReport(national.report, { type: 'recommendation-removed', key: '1' }, context);
    const added = correctReport(
      removed,
      {
        type: 'recommendation-added',
        recommendation: { ref: null, text: 'Forces should train.', targetDate: '2025-06-30', addressees: ['forces'], level: 'force' },
      },
      context,
    );
    expect(added.recommendations.map((recommendation) => recommendation.key)).toEqual(['2', '3']);
    const followed = reconcileObligations(added, [explained, of(national, 'surrey')], bodies, person);
    expect(of(followed, 'cumbria').progress).toMatchObject({ explainedRecommendations: ['2'], recommendationNotes: { '2': 'Reviewed in May' } });
    // A person's target stands as given.
    expect(of(followed, 'cumbria').dates?.recommendationTargets.find((target) => target.key === '3')?.dueOn).toBe('2025-06-30');
    expect(() => correctReport(added, { type: 'recommendation-removed', key: '9' }, context)).toThrow(/no recommendation "9"; its recommendations are: 2, 3/);
  });

  it('archives and restores an obligation, and refuses what makes no sense', () => {
    const national = read();
    const context = { ...person, reason: 'Answered in 2023' };
    const archived = correctObligation(of(national, 'cumbria'), { type: 'archive', why: 'answered-before-fiftysix' }, context);
    expect(archived).toMatchObject({
      closure: { kind: 'archived', reason: 'Answered before FiftySix was used', note: 'Answered in 2023' },
      nextReminderOn: null,
    });
    expect(obligationState(archived, '2024-03-20')).toBe('archived');
    expect(() => correctObligation(archived, { type: 'archive', why: 'not-for-us' }, context)).toThrow(CorrectionRefusedError);
    const stored = [archived, of(national, 'surrey')];
    const restored = reconcileObligations(
      national.report,
      [correctObligation(archived, { type: 'restore' }, context), of(national, 'surrey')],
      bodies,
      person,
      { stored },
    );
    expect(of(restored, 'cumbria')).toMatchObject({ closure: null });
    expect(of(restored, 'cumbria').nextReminderOn).not.toBeNull();
    expect(() => correctObligation(of(national, 'cumbria'), { type: 'take-up' }, context)).toThrow(/not historical/);
    const correcting = { ...context, today: context.on };
    expect(() => correctReport(national.report, { type: 'forces', forces: ['Gotham City Police'] }, correcting)).toThrow(
      /"Gotham City Police" is not one of the 43/,
    );
    expect(() => correctReport(national.report, { type: 'title', title: '  ' }, correcting)).toThrow(/cannot be empty/);
    // A copy HMICFRS shared ahead of publication may be dated up to four weeks ahead; further is a typo.
    expect(() => correctReport(national.report, { type: 'publication-date', publishedOn: '2024-04-18' }, correcting)).toThrow(
      'The publication date 2024-04-18 is more than 28 days after today (2024-03-20)',
    );
    expect(correctReport(national.report, { type: 'publication-date', publishedOn: '2024-04-17' }, correcting).publishedOn).toBe('2024-04-17');
    // An upload's metadata is an operator's: only whether the engine can plan from it is checked.
    expect(correctReport(national.report, { type: 'publication-date', publishedOn: '2030-03-07' }, context).publishedOn).toBe('2030-03-07');
  });
});

describe('progress', () => {
  const { report } = read();

  it('records and undoes each thing done, checking dates against the report and today', () => {
    const received = applyProgress(NO_PROGRESS, { action: 'chief-officer-comments-received', on: '2024-03-29' }, report, '2024-04-02');
    expect(received.chiefOfficerCommentsReceivedOn).toBe('2024-03-29');
    expect(() => applyProgress(NO_PROGRESS, { action: 'chief-officer-comments-received', on: '2024-03-01' }, report, '2024-04-02')).toThrow(
      /before the report was published \(Thursday 7 March 2024\)/,
    );
    expect(() => applyProgress(NO_PROGRESS, { action: 'response-published', on: '2024-05-01' }, report, '2024-04-02')).toThrow(ProgressRefusedError);
    const explained = applyProgress(received, { action: 'recommendation-explained', recommendation: '2', note: ' Reviewed in May ' }, report, '2024-04-02');
    expect(explained).toMatchObject({ explainedRecommendations: ['2'], recommendationNotes: { '2': 'Reviewed in May' } });
    expect(() => applyProgress(received, { action: 'recommendation-explained', recommendation: '#9' }, report, '2024-04-02')).toThrow(/no recommendation "#9"/);
    const published = applyProgress(
      explained,
      { action: 'response-published', on: '2024-04-30', url: 'https://pcc.example.org/response' },
      report,
      '2024-05-01',
    );
    expect(published).toMatchObject({ responsePublishedOn: '2024-04-30', responseUrl: 'https://pcc.example.org/response' });
    expect(applyProgress(published, { action: 'undo', what: 'response-published' }, report, '2024-05-01')).toMatchObject({
      responsePublishedOn: null,
      responseUrl: null,
    });
    expect(applyProgress(published, { action: 'undo', what: 'recommendation-explained', recommendation: '2' }, report, '2024-05-01')).toMatchObject({
      explainedRecommendations: [],
      recommendationNotes: {},
    });
    expect(
      applyProgress(published, { action: 'undo', what: 'chief-officer-comments-received' }, report, '2024-05-01').chiefOfficerCommentsReceivedOn,
    ).toBeNull();
  });

  it('carries to the report a copy is merged into what the office recorded on the copy, by the recommendations’ words, overwriting nothing', () => {
    const copy = read({
      recommendations: [
        { ref: null, text: 'An extra recommendation only the copy has.', targetDate: null, addressees: ['forces'], level: 'force' },
        ...extraction().recommendations,
      ],
    }).report;
    const onTheCopy = {
      ...NO_PROGRESS,
      chiefOfficerCommentsReceivedOn: '2024-03-29',
      responsePublishedOn: '2024-04-30',
      responseUrl: 'https://pcc.example.org/copy',
      explainedRecommendations: ['1', '3'],
      recommendationNotes: { '1': 'Only on the copy', '3': 'Reviewed in May' },
    };
    const onTheReport = { ...NO_PROGRESS, chiefOfficerCommentsReceivedOn: '2024-03-25', explainedRecommendations: ['2'], recommendationNotes: { '2': 'Ours' } };
    expect(carriedProgress({ progress: onTheReport, report }, { progress: onTheCopy, report: copy })).toEqual({
      progress: {
        chiefOfficerCommentsReceivedOn: '2024-03-25',
        responsePublishedOn: '2024-04-30',
        responseUrl: 'https://pcc.example.org/copy',
        // The copy's 3 is the report's 2, already explained with its own note; the copy's 1 is not in the report.
        explainedRecommendations: ['2'],
        recommendationNotes: { '2': 'Ours' },
      },
      notCarried: ['1'],
    });
    expect(carriedProgress({ progress: NO_PROGRESS, report }, { progress: onTheCopy, report: copy }).progress).toMatchObject({
      explainedRecommendations: ['2'],
      recommendationNotes: { '2': 'Reviewed in May' },
    });
  });

  it('matches a recommendation explained on a copy across punctuation, never guesses between two alike, and carries no date before publication', () => {
    const recommendation = (text: string) => ({ ref: null, text, targetDate: null, addressees: ['forces'], level: 'force' as const });
    const reworded = read({
      recommendations: [recommendation('By March 2025, forces should act'), recommendation('Within six months, forces’ chiefs should review.')],
    }).report;
    const copy = read({
      recommendations: [recommendation('By March 2025 forces should act.'), recommendation("Within six months, forces' chiefs should review")],
    }).report;
    const explained = { ...NO_PROGRESS, explainedRecommendations: ['1', '2'], chiefOfficerCommentsReceivedOn: '2024-03-01' };
    // The report was published on 7 March 2024: a date before it is not carried.
    expect(carriedProgress({ progress: NO_PROGRESS, report: reworded }, { progress: explained, report: copy })).toEqual({
      progress: { ...NO_PROGRESS, explainedRecommendations: ['1', '2'] },
      notCarried: [],
    });
    const twins = read({ recommendations: [recommendation('Forces should act.'), recommendation('Forces should act.')] }).report;
    const single = read({ recommendations: [recommendation('Something else entirely.'), recommendation('Forces should act.')] }).report;
    expect(
      carriedProgress({ progress: NO_PROGRESS, report: twins }, { progress: { ...NO_PROGRESS, explainedRecommendations: ['2'] }, report: single }),
    ).toEqual({
      progress: { ...NO_PROGRESS, explainedRecommendations: ['2'] },
      notCarried: [],
    });
    // Carried to the one whose words match; between two alike, only to the copy's own number.
    expect(
      carriedProgress({ progress: NO_PROGRESS, report: single }, { progress: { ...NO_PROGRESS, explainedRecommendations: ['1'] }, report: twins }),
    ).toEqual({
      progress: { ...NO_PROGRESS, explainedRecommendations: ['2'] },
      notCarried: [],
    });
    const third = read({ recommendations: [recommendation('Other.'), recommendation('Another.'), recommendation('Forces should act.')] }).report;
    expect(carriedProgress({ progress: NO_PROGRESS, report: twins }, { progress: { ...NO_PROGRESS, explainedRecommendations: ['3'] }, report: third })).toEqual(
      {
        progress: NO_PROGRESS,
        notCarried: ['3'],
      },
    );
  });

  it('says what is still missing, and how many stated recommendations are not listed', () => {
    const obligation = of(read({ statedRecommendationCount: 5 }), 'cumbria');
    expect(stillMissing(obligation, { ...read().report, statedRecommendationCount: 5 })).toEqual({
      chiefOfficerComments: true,
      unexplainedRecommendations: ['1', '2'],
      response: true,
      recommendationsNotListed: 3,
    });
    const summary = summariseObligation(obligation, read().report, '2024-04-29');
    expect(summary).toMatchObject({ responseDueOn: '2024-05-01', daysLeft: 2, state: 'open', chiefOfficerCommentsDueOn: '2024-04-03' });
    expect(summariseObligation(obligation, read().report, '2024-05-02')).toMatchObject({ daysLeft: -1, state: 'overdue' });
  });
});

describe('who may correct a report', () => {
  const national = read();
  const cumbriaOfficer: Viewer = { actor: 'officer@cumbria.example.org', bodyIds: ['cumbria'], admin: false };

  it('lets an office correct a report only it owes, and leaves a report others owe too to an administrator', () => {
    const cumbriaOnly: Obligation[] = [of(national, 'cumbria')];
    expect(() => assertMayCorrect(cumbriaOfficer, cumbriaOnly)).not.toThrow();
    expect(() => assertMayCorrect(cumbriaOfficer, national.obligations)).toThrow(/also owed a response by surrey: an administrator corrects it/);
    expect(() => assertMayCorrect(cumbriaOfficer, [])).toThrow(ForbiddenError);
    expect(() => assertMayCorrect({ ...cumbriaOfficer, admin: true }, national.obligations)).not.toThrow();
  });
});

describe('seeding the bodies and users from the configuration file', () => {
  const stored = planSeed(configuration, { bodies: [], users: [] }, '2026-12-01');

  it('adds what is not stored, and changes nothing the second time', () => {
    expect(stored.bodies.map((change) => [change.kind, change.after.id])).toEqual([
      ['added', 'cumbria'],
      ['added', 'surrey'],
    ]);
    expect(stored.users.map((change) => [change.kind, change.after.email])).toEqual([['added', 'officer@cumbria.example.org']]);
    const bodies = stored.bodies.map((change) => change.after);
    const users = stored.users.map((change) => change.after);
    expect(planSeed(configuration, { bodies, users }, '2026-12-02')).toEqual({ bodies: [], users: [] });
  });

  it('changes a body whose entry changed, leaves one an administrator changed, and retires one the file dropped but not one an administrator added', () => {
    const [cumbria, surrey] = stored.bodies.map((change) => change.after);
    const adminChanged = { ...surrey!, recipients: ['new@surrey.example.org'] };
    const added = { ...kent, retired: null, seededFrom: null };
    const file = { ...configuration, localPolicingBodies: [{ ...configuration.localPolicingBodies[0]!, name: 'Cumbria Commissioner' }] };
    const plan = planSeed(file, { bodies: [cumbria!, adminChanged, added], users: [] }, '2026-12-02');
    expect(plan.bodies.map((change) => [change.kind, change.after.id, change.after.name])).toEqual([
      ['changed', 'cumbria', 'Cumbria Commissioner'],
      ['retired', 'surrey', 'Surrey PCC'],
    ]);
    expect(plan.bodies[1]?.after.retired).toEqual({ on: '2026-12-02', reason: REMOVED_FROM_FILE });
    expect(planSeed(configuration, { bodies: [cumbria!, adminChanged], users: [] }, '2026-12-02').bodies).toEqual([]);
    expect(seedDigest({ a: 1, b: [1, 2] })).toBe(seedDigest({ b: [1, 2], a: 1 }));
  });

  it('leaves a body an administrator retired retired, and brings back one the file dropped when the file lists it again', () => {
    const [cumbria, surrey] = stored.bodies.map((change) => change.after);
    const retiredByAdministrator = { ...cumbria!, retired: { on: '2026-12-02', reason: 'Merged into the mayor’s office' } };
    const droppedByFile = { ...surrey!, retired: { on: '2026-12-02', reason: REMOVED_FROM_FILE } };
    const plan = planSeed(configuration, { bodies: [retiredByAdministrator, droppedByFile], users: [] }, '2026-12-03');
    expect(plan.bodies.map((change) => [change.kind, change.after.id, change.after.retired])).toEqual([['changed', 'surrey', null]]);
  });
});

describe('the calendar feed and the spreadsheet', () => {
  const national = read({ title: 'Finding time for crime' });
  const cumbria = of(national, 'cumbria');
  const url = (reportId: string) => `https://fiftysix.example.org/reports/${reportId}`;

  it('holds each date as an all-day event linking to the report’s page, and leaves closed obligations out', () => {
    const feed = calendarFeed(bodies[0]!, [{ obligation: cumbria, report: national.report }], url, new Date('2024-03-08T09:00:00Z'));
    expect(feed).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(feed).toContain('DTSTART;VALUE=DATE:20240501');
    expect(feed).toContain('SUMMARY:Last day to publish the response to “Finding time for crime”');
    expect(feed).toContain('DTSTART;VALUE=DATE:20240403');
    expect(feed).toContain('DTSTART;VALUE=DATE:20250331');
    expect(feed).toContain('URL;VALUE=URI:https://fiftysix.example.org/reports/r1');
    const archived = { ...cumbria, closure: { kind: 'archived' as const, reason: 'Not for us', note: null, on: '2024-03-09', by: 'x' } };
    expect(calendarFeed(bodies[0]!, [{ obligation: archived, report: national.report }], url, new Date())).not.toContain('BEGIN:VEVENT');
  });

  it('writes one row per recommendation, quoted, with a byte-order mark, and never a formula', () => {
    const hostile = { ...national.report, title: '=HYPERLINK("http://evil.example")' };
    const csv = trackerSpreadsheet(
      [{ obligation: { ...cumbria, progress: { ...NO_PROGRESS, explainedRecommendations: ['1'] } }, report: hostile }],
      '2024-03-20',
    );
    expect(csv.startsWith('\uFEFF"Report","Report id","Published"')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil.example""\)","r1","2024-03-07","2024-05-01","42","open",/);
    expect(rows[1]).toContain('"1","By March 2025, forces should act.","2025-03-31","yes"');
    expect(rows[2]).toContain('"2","Within six months, forces should review.","2024-09-07","no"');
    // Days left are a number of ours: negative once the last day has passed, and never escaped.
    const late = trackerSpreadsheet([{ obligation: cumbria, report: national.report }], '2024-05-06');
    expect(late.split('\r\n')[1]).toContain('"2024-05-01","-5",');
  });
});
