import { addDays, type CalendarDate, londonDateAt } from '../../shared/calendar-date';
import { type LocalPolicingBody, reminderSettingsFor } from '../../shared/configuration';
import type { Obligation, Report } from '../../shared/model';
import { renderReminderEmail } from '../../shared/reminder-email';
import { decideReminders, type PlannedReminder, planReminders } from '../../shared/reminders';
import type { DirectoryTable } from '../commons/directory-table';
import { logger } from '../commons/logger';
import { reportPageUrl } from '../commons/office-views';
import type { ReminderMailer } from '../commons/reminder-mailer';
import { activeBodies } from '../commons/report-changes';
import type { ReportsTable } from '../commons/reports-table';

export interface ScanDependencies {
  reports: ReportsTable;
  directory: DirectoryTable;
  mailer: ReminderMailer;
  /** Where the office's page is: each reminder links to its report there. */
  appUrl: string;
}

export interface SentReminder {
  reportId: string;
  bodyId: string;
  dateKind: PlannedReminder['dateKind'];
  stage: string;
  dueOn: CalendarDate;
  recipients: string[];
  subject: string;
  messageId: string;
}

export interface ScanResult {
  today: CalendarDate;
  sent: SentReminder[];
  failed: Array<{ reportId: string; bodyId: string; stage: string | null; reason: string }>;
}

/**
 * Overdue reminders repeat until the thing is done, so the plan is drawn up to a horizon; a year
 * ahead always reaches the next reminder.
 */
const PLAN_HORIZON_DAYS = 366;

/**
 * Sends the reminders due on the London date of `now`.
 * 1. read only the obligations whose next reminder is due (the sparse index);
 * 2. for each, draw up its plan from the body's settings and what it has done, and pick, for each
 *    date, the latest reminder that has come due, skipping any missed before it;
 * 3. claim each in the ledger, then send those claimed in one email: a repeated or retried scan finds
 *    them claimed and sends nothing;
 * 4. move the obligation's next reminder on once every reminder due is settled.
 * A failed send is marked in the ledger and the obligation left where it was, so the next scan tries
 * again; one obligation's failure never stops the others.
 */
export async function scanDeadlines(now: Date, dependencies: ScanDependencies): Promise<ScanResult> {
  const today = londonDateAt(now);
  const result: ScanResult = { today, sent: [], failed: [] };
  const bodies = await activeBodies(dependencies.directory);
  const reports = new Map<string, Promise<Report | null>>();
  const reportFor = (reportId: string) => {
    if (!reports.has(reportId)) reports.set(reportId, dependencies.reports.getReport(reportId));
    return reports.get(reportId)!;
  };

  for await (const obligation of dependencies.reports.obligationsWithRemindersDue(today)) {
    const context = { reportId: obligation.reportId, bodyId: obligation.bodyId };
    try {
      const outcome = await remindOf(obligation, { today, now, bodies, report: await reportFor(obligation.reportId) }, dependencies);
      result.sent.push(...outcome.sent);
      result.failed.push(...outcome.failed.map((failure) => ({ ...context, ...failure })));
    } catch (error) {
      logger.error('Reminders could not be worked out; the next scan tries again', { ...context, error: error as Error });
      result.failed.push({ ...context, stage: null, reason: (error as Error).message });
    }
  }
  return result;
}

interface ObligationOutcome {
  sent: SentReminder[];
  failed: Array<{ stage: string | null; reason: string }>;
}

async function remindOf(
  obligation: Obligation,
  { today, now, bodies, report }: { today: CalendarDate; now: Date; bodies: LocalPolicingBody[]; report: Report | null },
  dependencies: ScanDependencies,
): Promise<ObligationOutcome> {
  const body = bodies.find((candidate) => candidate.id === obligation.bodyId);
  if (!body || !report || !obligation.dates || !obligation.nextReminderOn) {
    const reason = !body
      ? `local policing body "${obligation.bodyId}" is not served (retired or never added): an administrator should bring it back, or archive its obligations`
      : `report ${obligation.reportId} or its dates are missing`;
    logger.error('Reminders cannot be sent', { reportId: obligation.reportId, bodyId: obligation.bodyId, reason });
    return { sent: [], failed: [{ stage: null, reason }] };
  }
  const plan = planReminders(obligation.dates, reminderSettingsFor(body), obligation.progress, addDays(today, PLAN_HORIZON_DAYS));
  const decision = decideReminders(plan, obligation.nextReminderOn, today);
  const outcome = await sendReminders(obligation, decision.send, { today, now, body, report }, dependencies);
  if (outcome.settled) await dependencies.reports.advanceNextReminder(obligation, decision.nextReminderOn);
  return outcome;
}

/**
 * Claims each reminder in the ledger, then sends the ones claimed as one email to the body's office.
 * `settled` is false while any reminder due is unsent or unconfirmed: the obligation then stays where
 * it is, so no reminder is skipped.
 */
async function sendReminders(
  obligation: Obligation,
  due: PlannedReminder[],
  { today, now, body, report }: { today: CalendarDate; now: Date; body: LocalPolicingBody; report: Report },
  dependencies: ScanDependencies,
): Promise<ObligationOutcome & { settled: boolean }> {
  const context = { reportId: obligation.reportId, bodyId: obligation.bodyId };
  const claimed: PlannedReminder[] = [];
  const outcome: ObligationOutcome & { settled: boolean } = { sent: [], failed: [], settled: true };
  for (const reminder of due) {
    const claim = await dependencies.reports.claimReminder(obligation, reminder, now);
    const about = { ...context, dateKind: reminder.dateKind, stage: reminder.stage };
    if (claim.outcome === 'claimed') claimed.push(reminder);
    else if (claim.outcome === 'sent') logger.info('Reminder already sent; not sent again', about);
    else {
      outcome.settled = false;
      if (claim.outcome === 'unconfirmed') {
        const reason = `claimed at ${claim.claimedAt} but never confirmed sent: check SES's sending history, and delete its ledger item to send it again`;
        logger.error('Reminder unconfirmed', { ...about, reason });
        outcome.failed.push({ stage: reminder.stage, reason });
      } else {
        logger.info('Reminder being sent by another scan', about);
      }
    }
  }
  if (claimed.length === 0) return outcome;

  const stages = claimed.map((reminder) => reminder.stage);
  const email = renderReminderEmail({
    reminders: claimed,
    today,
    body,
    report: { id: report.id, title: report.title, sourceKey: report.source.key, recommendations: report.recommendations },
    reportUrl: reportPageUrl(dependencies.appUrl, report.id),
    dates: obligation.dates!,
    progress: obligation.progress,
  });
  let messageId: string;
  try {
    messageId = await dependencies.mailer.send(body.recipients, email);
  } catch (error) {
    const reason = (error as Error).message;
    logger.error('Reminder could not be sent; it will be tried again at the next scan', { ...context, stages, error: error as Error });
    for (const reminder of claimed) await dependencies.reports.recordReminderOutcome(obligation, reminder, { status: 'failed', reason });
    return { ...outcome, settled: false, failed: [...outcome.failed, ...stages.map((stage) => ({ stage, reason }))] };
  }
  // SES has it now: a failure from here on must not mark it failed, or it would go again.
  for (const reminder of claimed) {
    await dependencies.reports.recordReminderOutcome(obligation, reminder, { status: 'sent', messageId, recipients: body.recipients });
  }
  logger.info('Reminder sent', { ...context, stages, messageId, recipientCount: body.recipients.length });
  outcome.sent.push(
    ...claimed.map((reminder) => ({
      ...context,
      dateKind: reminder.dateKind,
      stage: reminder.stage,
      dueOn: reminder.dueOn,
      recipients: body.recipients,
      subject: email.subject,
      messageId,
    })),
  );
  return outcome;
}
