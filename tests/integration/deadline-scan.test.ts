import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReminderMailer, reminderMailClient } from '../../functions/commons/reminder-mailer';
import { recordProgress } from '../../functions/commons/report-changes';
import { type ScanResult, scanDeadlines } from '../../functions/deadline-scan/scan-deadlines';
import { scheduledScanEvent } from '../../infra/local/local-stack';
import { DEFAULT_REMINDER_SETTINGS, planReminders } from '../../shared/reminders';
import { forceReportText } from '../support/documents';
import { useIsolatedServices } from '../support/local-services';
import { TEST_CONFIGURATION } from '../support/test-configuration';

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
const CLI = { actor: 'cli', bodyIds: [], admin: true };
const APP_URL = 'http://127.0.0.1/app';
let ingest: typeof import('../../functions/ingest/handler');
let scan: typeof import('../../functions/deadline-scan/handler');

beforeAll(async () => {
  services = await useIsolatedServices('scan');
  ingest = await import('../../functions/ingest/handler');
  scan = await import('../../functions/deadline-scan/handler');
});

beforeEach(() => services.clearOutbox());

const scanAt = (moment: string) => scan.handler(scheduledScanEvent(new Date(moment)));

/** The tests share a table, so each looks only at its own report's reminders and emails. */
const stagesFor = (reportId: string, result: Pick<ScanResult, 'sent'>) =>
  result.sent.filter((reminder) => reminder.reportId === reportId).map((reminder) => `${reminder.dateKind} ${reminder.stage}`);
const emailsAbout = async (key: string) => (await services.outbox()).filter((email) => email.subject.includes(`Report ${key}`));

async function ingestReport(key: string, force: string, publishedOn: string, options: { commentsReceived?: boolean } = {}) {
  const [outcome] = await ingest.handler(await services.upload(key, forceReportText(force, `Report ${key}`), publishedOn));
  expect(outcome?.status).toBe('ingested');
  if (options.commentsReceived) {
    const bodyId = force.startsWith('Cumbria') ? 'cumbria' : 'surrey';
    await recordProgress(services.asOf(`${publishedOn}T12:00:00Z`), CLI, outcome!.reportId, bodyId, [
      { action: 'chief-officer-comments-received', on: publishedOn },
    ]);
  }
  return outcome!.reportId;
}

describe('deadline scan on the local services', () => {
  it('sends the 14-day reminder to each recipient once, however often the scan runs', async () => {
    const reportId = await ingestReport('uploads/a.txt', 'Cumbria Constabulary', '2024-03-07', { commentsReceived: true }); // last day Wednesday 1 May 2024
    expect(stagesFor(reportId, await scanAt('2024-04-16T09:00:00+01:00'))).toEqual([]);
    const first = await scanAt('2024-04-17T09:00:00+01:00');
    expect(first.sent.filter((reminder) => reminder.reportId === reportId)).toEqual([
      expect.objectContaining({
        bodyId: 'cumbria',
        dateKind: 'response-due',
        stage: 'due-in-14-days',
        dueOn: '2024-05-01',
        recipients: ['governance@cumbria.test', 'ceo@cumbria.test'],
      }),
    ]);
    expect(stagesFor(reportId, await scanAt('2024-04-17T09:00:00+01:00'))).toEqual([]);
    expect(stagesFor(reportId, await scanAt('2024-04-17T18:00:00+01:00'))).toEqual([]);

    const emails = await emailsAbout('uploads/a.txt');
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: ['governance@cumbria.test', 'ceo@cumbria.test'], from: 'reminders@fiftysix.test' });
    expect(emails[0]!.subject).toContain('14 days left');
    expect(emails[0]!.text).toContain('Wednesday 1 May 2024 (14 days left)');
    expect(emails[0]!.html).toContain('<ol>');
  });

  it('catches a report uploaded late up with one email: the latest reminder for each date', async () => {
    const reportId = await ingestReport('uploads/late.txt', 'Surrey Police', '2024-03-07');
    expect(stagesFor(reportId, await scanAt('2024-04-17T09:00:00+01:00'))).toEqual(['chief-officer-comments overdue-8-days', 'response-due due-in-14-days']);
    const emails = await emailsAbout('uploads/late.txt');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/^14 days left to publish the response/);
    expect(emails[0]!.text).toContain('The chief officer’s comments on this report are 14 days late');
  });

  it('after missed days sends only the latest reminder due, repeats weekly once late, and stops when the response is published', async () => {
    const reportId = await ingestReport('uploads/b.txt', 'Surrey Police', '2025-01-09', { commentsReceived: true }); // last day Wednesday 5 March 2025
    // The report's "By March 2025" recommendation has its 30-day reminder in the days missed too.
    expect(stagesFor(reportId, await scanAt('2025-03-04T06:00:00Z')).sort()).toEqual(['recommendation-target due-in-30-days', 'response-due due-in-1-day']);
    expect(stagesFor(reportId, await scanAt('2025-03-05T06:00:00Z'))).toEqual(['response-due due-today']);
    expect(stagesFor(reportId, await scanAt('2025-03-06T06:00:00Z'))).toEqual(['response-due overdue-1-day']);
    expect(stagesFor(reportId, await scanAt('2025-03-12T06:00:00Z'))).toEqual([]);
    expect(stagesFor(reportId, await scanAt('2025-03-13T06:00:00Z'))).toEqual(['response-due overdue-8-days']);
    await recordProgress(services.asOf('2025-03-14T12:00:00Z'), CLI, reportId, 'surrey', [{ action: 'response-published', on: '2025-03-14' }]);
    expect(stagesFor(reportId, await scanAt('2025-03-20T06:00:00Z'))).toEqual([]);
    expect((await emailsAbout('uploads/b.txt')).map((email) => email.to)).toEqual(Array(4).fill(['policy@surrey.test']));
  });

  it('uses the London date: 23:30 UTC on a summer evening is already the next day', async () => {
    const reportId = await ingestReport('uploads/c.txt', 'Cumbria Constabulary', '2026-06-04', { commentsReceived: true }); // 14 days before the last day: Wednesday 15 July
    expect(stagesFor(reportId, await scanAt('2026-07-14T22:30:00Z'))).toEqual([]);
    expect(stagesFor(reportId, await scanAt('2026-07-14T23:30:00Z'))).toEqual(['response-due due-in-14-days']);
  });

  it('marks a reminder that SES refused as failed, and sends it at the next scan', async () => {
    const reportId = await ingestReport('uploads/d.txt', 'Surrey Police', '2027-01-07', { commentsReceived: true }); // 14 days before the last day: 17 February
    const unreachable = new ReminderMailer(reminderMailClient({ endpoint: 'http://127.0.0.1:9' }), TEST_CONFIGURATION.senderAddress);
    const failed = await scanDeadlines(new Date('2027-02-17T06:00:00Z'), { ...services, mailer: unreachable, appUrl: APP_URL });
    expect(stagesFor(reportId, failed)).toEqual([]);
    expect(failed.failed.filter((each) => each.reportId === reportId)).toEqual([expect.objectContaining({ bodyId: 'surrey', stage: 'due-in-14-days' })]);

    expect(stagesFor(reportId, await scanAt('2027-02-17T07:00:00Z'))).toEqual(['response-due due-in-14-days']);
    expect(await emailsAbout('uploads/d.txt')).toHaveLength(1);
  });

  it('sends once when the schedule delivers the same run twice at the same moment', async () => {
    const reportId = await ingestReport('uploads/e.txt', 'Cumbria Constabulary', '2028-01-06', { commentsReceived: true }); // 14 days before the last day: 16 February
    const event = scheduledScanEvent(new Date('2028-02-16T06:00:00Z'));
    const [one, two] = await Promise.all([scan.handler(event), scan.handler(event)]);
    expect([...stagesFor(reportId, one), ...stagesFor(reportId, two)]).toEqual(['response-due due-in-14-days']);
    expect(await emailsAbout('uploads/e.txt')).toHaveLength(1);
  });

  it('follows a corrected publication date without a burst of the reminders it moved into the past', async () => {
    const text = forceReportText('Cumbria Constabulary', 'Report uploads/f.txt');
    const [first] = await ingest.handler(await services.upload('uploads/f.txt', text, '2029-03-01')); // last day 25 April 2029
    await recordProgress(services.asOf('2029-03-20T12:00:00Z'), CLI, first!.reportId, 'cumbria', [
      { action: 'chief-officer-comments-received', on: '2029-03-20' },
    ]);
    expect(stagesFor(first!.reportId, await scanAt('2029-04-11T06:00:00Z'))).toEqual(['response-due due-in-14-days']);

    // A person confirms it was published a week earlier: the last day becomes 18 April 2029.
    const [corrected] = await ingest.handler(await services.upload('uploads/f again.txt', text, '2029-02-22', '2029-04-11T12:00:00Z'));
    expect(corrected).toMatchObject({ reportId: first!.reportId, saved: 'corrected', status: 'ingested' });
    expect(await services.reports.getReport(first!.reportId)).toMatchObject({
      publishedOn: '2029-02-22',
      responseDueOn: '2029-04-18',
      publishedOnSource: 'confirmed',
    });
    expect((await services.reports.historyOf(first!.reportId)).find((event) => event.action === 'report.corrected')).toMatchObject({
      action: 'report.corrected',
      actor: 'upload',
      reason: 'publication-date: Uploaded again with published-on 2029-02-22',
      before: { publishedOn: '2029-03-01' },
      after: { publishedOn: '2029-02-22' },
    });
    const [obligation] = await services.reports.getObligations(first!.reportId);
    expect(obligation).toMatchObject({ dates: { responseDueOn: '2029-04-18' }, progress: { chiefOfficerCommentsReceivedOn: '2029-03-20' } });

    // The 14- and 7-day reminders of the new date are both past: only the 7-day one goes.
    expect(stagesFor(first!.reportId, await scanAt('2029-04-12T06:00:00Z'))).toEqual(['response-due due-in-7-days']);
    expect((await emailsAbout('uploads/f.txt')).map((email) => email.subject.slice(0, 12))).toEqual(['14 days left', '6 days left ']);
  });

  it('never sends a reminder whose earlier claim was not confirmed sent, and says so until a person looks', async () => {
    const reportId = await ingestReport('uploads/g.txt', 'Surrey Police', '2030-01-03', { commentsReceived: true }); // 14 days before the last day: 13 February
    const [obligation] = await services.reports.getObligations(reportId);
    const plan = planReminders(obligation!.dates!, DEFAULT_REMINDER_SETTINGS, obligation!.progress, '2030-03-31');
    const fourteenDays = plan.find((reminder) => reminder.dateKind === 'response-due' && reminder.stage === 'due-in-14-days')!;
    // A scan claimed it, then died before SES answered.
    expect(await services.reports.claimReminder(obligation!, fourteenDays, new Date('2030-02-13T06:00:00Z'), 'a-lost-email')).toEqual({ outcome: 'claimed' });

    const moments = await scanAt('2030-02-13T06:05:00Z');
    expect(stagesFor(reportId, moments)).toEqual([]);
    expect(moments.unconfirmed.filter((each) => each.reportId === reportId)).toEqual([]); // still in progress, perhaps
    const later = await scanDeadlines(new Date('2030-02-13T07:00:00Z'), {
      ...services,
      mailer: new ReminderMailer(reminderMailClient(), TEST_CONFIGURATION.senderAddress),
      appUrl: APP_URL,
    });
    expect(stagesFor(reportId, later)).toEqual([]);
    expect(later.unconfirmed.filter((each) => each.reportId === reportId)).toEqual([
      expect.objectContaining({ stage: 'due-in-14-days', reason: expect.stringContaining('SES has not said whether it sent it') }),
    ]);
    expect(await emailsAbout('uploads/g.txt')).toEqual([]);
  });

  it('refuses a schedule payload without a scheduled time', async () => {
    await expect(scan.handler({})).rejects.toThrow(/scheduledTime/);
  });
});
