import { type CalendarDate, londonDateAt } from '../../shared/calendar-date';
import { deliverableRecipients, type SuppressedRecipient, servedBody } from '../../shared/directory';
import type { DirectoryTable } from './directory-table';
import type { DiscoveryTable } from './discovery-table';
import type { LedgerEntry, ReportsTable } from './reports-table';
import { DISCOVERED_PREFIX } from './wiring';

/** How long a claimed reminder may stay unsettled before a person is told: longer than a scan and SES's events take. */
export const UNSETTLED_AFTER_MS = 60 * 60 * 1000;

/**
 * What the stack's alarms would be raising, read from the table: what `npm run cli -- alerts` lists
 * and `npm start` prints, where there is no CloudWatch to alarm.
 */
export interface OperatorAlerts {
  /** The day the deadline scan last finished; the ScanMissed alarm fires at 07:00 when it is not today. */
  lastScanCompletedOn: CalendarDate | null;
  scanCompletedToday: boolean;
  unsettledReminders: Array<{ reportId: string; bodyId: string; stage: string; status: string; claimedAt: string; reason: string | null }>;
  failedUploads: Array<{ reportId: string; key: string; code: string; message: string }>;
  suppressedRecipients: Array<{ bodyId: string } & SuppressedRecipient>;
  bodiesWithoutRecipients: string[];
  /** Discovery sources that failed or listed nothing on three runs in a row; the DiscoverySourcesFailing alarm raises for them. */
  failingSources: Array<{ source: string; consecutiveProblems: number; problem: string | null; lastRunAt: string }>;
  /** Reports discovery found whose page stated no date the ingest could use: their clocks wait for a person. */
  undatedDiscoveries: Array<{ reportId: string; key: string; title: string | null }>;
}

/** A source that fails or is empty this many runs in a row is alerted on (the discovery pass counts them). */
export const DISCOVERY_PROBLEM_RUNS = 3;

export async function operatorAlerts(
  dependencies: { reports: ReportsTable; directory: DirectoryTable; discovery: DiscoveryTable },
  now: Date,
): Promise<OperatorAlerts> {
  const [lastScanCompletedOn, unsettled, reports, bodies, sources] = await Promise.all([
    dependencies.reports.lastScanCompletedOn(),
    dependencies.reports.unsettledReminders(new Date(now.getTime() - UNSETTLED_AFTER_MS)),
    dependencies.reports.listReports(),
    dependencies.directory.listBodies(),
    dependencies.discovery.listSources(),
  ]);
  const served = bodies.filter((body) => !body.retired);
  return {
    lastScanCompletedOn,
    scanCompletedToday: lastScanCompletedOn === londonDateAt(now),
    unsettledReminders: unsettled.map(({ reportId, bodyId, stage, status, claimedAt, failure }) => ({
      reportId,
      bodyId,
      stage,
      status,
      claimedAt,
      reason: failure?.reason ?? null,
    })),
    failedUploads: reports
      .filter((report) => report.status === 'failed')
      .map((report) => ({ reportId: report.id, key: report.source.key, code: report.failure?.code ?? 'unknown', message: report.failure?.message ?? '' })),
    suppressedRecipients: served.flatMap((body) => (body.suppressed ?? []).map((recipient) => ({ bodyId: body.id, ...recipient }))),
    bodiesWithoutRecipients: served.filter((body) => deliverableRecipients(servedBody(body)).length === 0).map((body) => body.id),
    failingSources: sources
      .filter((source) => source.consecutiveProblems >= DISCOVERY_PROBLEM_RUNS)
      .map(({ url, consecutiveProblems, lastProblem, lastRunAt }) => ({ source: url, consecutiveProblems, problem: lastProblem, lastRunAt })),
    undatedDiscoveries: reports
      .filter((report) => report.status === 'awaiting-publication-date' && report.source.key.startsWith(DISCOVERED_PREFIX))
      .map((report) => ({ reportId: report.id, key: report.source.key, title: report.title })),
  };
}

/** The alerts in a line each, as a person reads them in a terminal; none when all is well. */
export function alertLines(alerts: OperatorAlerts): string[] {
  return [
    ...(alerts.scanCompletedToday
      ? []
      : [
          `No deadline scan has finished today (the last finished ${alerts.lastScanCompletedOn ?? 'never'}): in AWS the ScanMissed alarm fires at 07:00 London time`,
        ]),
    ...alerts.unsettledReminders.map(
      (each) =>
        `Reminder ${each.stage} to ${each.bodyId} about report ${each.reportId} is ${each.status} since ${each.claimedAt}: SES may have sent it; check, then run "npm run cli -- settle ${each.reportId} --body ${each.bodyId} --outcome sent|resend"`,
    ),
    ...alerts.failedUploads.map((each) => `Upload ${each.key} could not be read (${each.code}): ${each.message}`),
    ...alerts.suppressedRecipients.map(
      (each) => `${each.address} of ${each.bodyId} is no longer emailed: SES reported a ${each.reason}${each.detail ? ` (${each.detail})` : ''} on ${each.at}`,
    ),
    ...alerts.bodiesWithoutRecipients.map((bodyId) => `${bodyId} has no recipient its reminders can reach: give it another address`),
    ...alerts.failingSources.map(
      (each) =>
        `Discovery source ${each.source} failed or listed nothing on ${each.consecutiveProblems} runs in a row (last ${each.lastRunAt}: ${each.problem}): check the site, and fix its adapter in shared/discovery if its markup changed`,
    ),
    ...alerts.undatedDiscoveries.map(
      (each) =>
        `Discovered report ${each.reportId} (${each.key}) states no publication date: confirm it with "npm run cli -- confirm ${each.reportId} --published YYYY-MM-DD"`,
    ),
  ];
}

/** There is no unsettled reminder to settle; the message says what there is. */
export class NothingToSettleError extends Error {
  constructor(reportId: string, bodyId: string) {
    super(`No reminder to ${bodyId} about report ${reportId} is waiting to be settled: "npm run cli -- alerts" lists those that are`);
    this.name = 'NothingToSettleError';
  }
}

/**
 * A person settles what SES's events could not: having looked in SES's sending history (or asked the
 * office), they say a reminder was sent, or that it was not and is to be sent again by the next scan.
 */
export async function settleReminders(reports: ReportsTable, reportId: string, bodyId: string, outcome: 'sent' | 'resend', by: string): Promise<LedgerEntry[]> {
  const waiting = (await reports.ledgerOf(reportId)).filter(
    (entry) => entry.bodyId === bodyId && (entry.status === 'sending' || entry.status === 'unconfirmed'),
  );
  if (waiting.length === 0) throw new NothingToSettleError(reportId, bodyId);
  for (const entry of waiting) {
    await reports.recordReminderOutcome(
      entry,
      outcome === 'sent'
        ? { status: 'sent', messageId: `confirmed by ${by}`, recipients: entry.delivery?.recipients ?? [] }
        : { status: 'failed', reason: `${by} found SES did not send it: the next scan sends it` },
    );
  }
  return waiting;
}
