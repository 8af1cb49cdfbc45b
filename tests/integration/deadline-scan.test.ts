import { SESv2Client } from '@aws-sdk/client-sesv2';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReminderMailer } from '../../functions/commons/reminder-mailer';
import { scanDeadlines } from '../../functions/deadline-scan/scan-deadlines';
import { scheduledScanEvent } from '../../infra/local/local-stack';
import { forceReportText } from '../support/documents';
import { useIsolatedServices } from '../support/local-services';
import { TEST_CONFIGURATION } from '../support/test-configuration';

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
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
const stagesFor = (reportId: string, result: { sent: Array<{ reportId: string; stage: string }> }) =>
  result.sent.filter((reminder) => reminder.reportId === reportId).map((reminder) => reminder.stage);
const emailsAbout = async (key: string) => (await services.outbox()).filter((email) => email.subject.includes(`Report ${key}`));

async function ingestReport(key: string, force: string, publishedOn: string) {
  const [outcome] = await ingest.handler(await services.upload(key, forceReportText(force, `Report ${key}`), publishedOn));
  expect(outcome?.status).toBe('ingested');
  return outcome!.reportId;
}

describe('deadline scan on the local services', () => {
  it('sends the 14-day reminder to each recipient once, however often the scan runs', async () => {
    // The first test, and the earliest dates: nothing else in the table is due yet.
    const reportId = await ingestReport('uploads/a.txt', 'Cumbria Constabulary', '2024-03-07');
    expect((await scanAt('2024-04-16T09:00:00+01:00')).sent).toEqual([]);

    const first = await scanAt('2024-04-17T09:00:00+01:00');
    expect(first.sent).toEqual([
      expect.objectContaining({ reportId, bodyId: 'cumbria', stage: 'due-in-14-days', dueOn: '2024-05-01', recipients: ['governance@cumbria.test', 'ceo@cumbria.test'] }),
    ]);
    expect((await scanAt('2024-04-17T09:00:00+01:00')).sent).toEqual([]);
    expect((await scanAt('2024-04-17T18:00:00+01:00')).sent).toEqual([]);

    const outbox = await services.outbox();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: ['governance@cumbria.test', 'ceo@cumbria.test'], from: 'reminders@fiftysix.test' });
    expect(outbox[0]!.subject).toContain('14 days left');
    expect(outbox[0]!.text).toContain('Wednesday 1 May 2024 (14 days left)');
    expect(outbox[0]!.html).toContain('<ol>');
  });

  it('after missed days sends only the latest stage due, then carries on from there', async () => {
    const reportId = await ingestReport('uploads/b.txt', 'Surrey Police', '2025-01-06'); // last day 2025-03-02
    expect(stagesFor(reportId, await scanAt('2025-03-01T06:00:00Z'))).toEqual(['due-in-1-day']);
    expect(stagesFor(reportId, await scanAt('2025-03-02T06:00:00Z'))).toEqual(['due-today']);
    expect(stagesFor(reportId, await scanAt('2025-03-03T06:00:00Z'))).toEqual(['overdue']);
    expect(stagesFor(reportId, await scanAt('2025-04-01T06:00:00Z'))).toEqual([]);
    expect((await emailsAbout('uploads/b.txt')).map((email) => email.to)).toEqual([['policy@surrey.test'], ['policy@surrey.test'], ['policy@surrey.test']]);
  });

  it('uses the London date: 23:30 UTC on a summer evening is already the next day', async () => {
    const reportId = await ingestReport('uploads/c.txt', 'Cumbria Constabulary', '2026-06-01'); // last day 2026-07-26, 14 days before: 2026-07-12
    expect(stagesFor(reportId, await scanAt('2026-07-11T22:30:00Z'))).toEqual([]);
    expect(stagesFor(reportId, await scanAt('2026-07-11T23:30:00Z'))).toEqual(['due-in-14-days']);
  });

  it('marks a reminder that SES refused as failed, and sends it at the next scan', async () => {
    const reportId = await ingestReport('uploads/d.txt', 'Surrey Police', '2027-01-04'); // 14 days before the last day: 2027-02-14
    const unreachable = new ReminderMailer(new SESv2Client({ endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }), TEST_CONFIGURATION.senderAddress);
    const failed = await scanDeadlines(new Date('2027-02-14T06:00:00Z'), { reports: services.reports, mailer: unreachable, configuration: TEST_CONFIGURATION });
    expect(stagesFor(reportId, failed)).toEqual([]);
    expect(failed.failed.filter((each) => each.reportId === reportId)).toEqual([expect.objectContaining({ bodyId: 'surrey', stage: 'due-in-14-days' })]);

    const retried = await scan.handler(scheduledScanEvent(new Date('2027-02-14T07:00:00Z')));
    expect(stagesFor(reportId, retried)).toEqual(['due-in-14-days']);
    expect(await emailsAbout('uploads/d.txt')).toHaveLength(1);
  });

  it('sends once when the schedule delivers the same run twice at the same moment', async () => {
    const reportId = await ingestReport('uploads/e.txt', 'Cumbria Constabulary', '2028-01-03'); // 14 days before the last day: 2028-02-13
    const event = scheduledScanEvent(new Date('2028-02-13T06:00:00Z'));
    const [one, two] = await Promise.all([scan.handler(event), scan.handler(event)]);
    expect([...stagesFor(reportId, one), ...stagesFor(reportId, two)]).toEqual(['due-in-14-days']);
    expect(await emailsAbout('uploads/e.txt')).toHaveLength(1);
  });

  it('refuses a schedule payload without a scheduled time', async () => {
    await expect(scan.handler({})).rejects.toThrow(/scheduledTime/);
  });
});
