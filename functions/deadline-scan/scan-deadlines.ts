import { londonDateAt, type CalendarDate } from '../../shared/calendar-date';
import type { DeploymentConfiguration } from '../../shared/configuration';
import type { Obligation, Report } from '../../shared/model';
import { renderReminderEmail } from '../../shared/reminder-email';
import { decideReminder, planResponseReminders, type PlannedReminder } from '../../shared/reminders';
import { logger } from '../commons/logger';
import type { ReminderMailer } from '../commons/reminder-mailer';
import type { ReportsTable } from '../commons/reports-table';

export interface ScanDependencies {
  reports: ReportsTable;
  mailer: ReminderMailer;
  configuration: DeploymentConfiguration;
}

export interface SentReminder {
  reportId: string;
  bodyId: string;
  dateKind: PlannedReminder['dateKind'];
  stage: PlannedReminder['stage'];
  dueOn: CalendarDate;
  recipients: string[];
  subject: string;
  messageId: string;
}

export interface ScanResult {
  today: CalendarDate;
  sent: SentReminder[];
  failed: Array<{ reportId: string; bodyId: string; stage: string; reason: string }>;
}

/**
 * Sends the reminders due on the London date of `now`.
 * 1. read only the obligations whose next reminder is due (the sparse index);
 * 2. for each, pick the latest stage that has come due, skipping any missed before it;
 * 3. claim it in the ledger, then send it: a repeated or retried scan finds it claimed and sends nothing;
 * 4. move the obligation's next reminder on.
 * A failed send is marked in the ledger and left due, so the next scan tries it again.
 */
export async function scanDeadlines(now: Date, dependencies: ScanDependencies): Promise<ScanResult> {
  const today = londonDateAt(now);
  const result: ScanResult = { today, sent: [], failed: [] };
  const reports = new Map<string, Promise<Report | null>>();
  const reportFor = (reportId: string) => {
    if (!reports.has(reportId)) reports.set(reportId, dependencies.reports.getReport(reportId));
    return reports.get(reportId)!;
  };

  for await (const obligation of dependencies.reports.obligationsWithRemindersDue(today)) {
    const pendingFrom = obligation.nextReminderOn;
    if (!obligation.responseDueOn || !pendingFrom) continue;
    const decision = decideReminder(planResponseReminders(obligation.responseDueOn), pendingFrom, today);
    if (decision.send) {
      const outcome = await sendReminder(obligation, decision.send, today, now, reportFor, dependencies);
      if ('failure' in outcome) {
        result.failed.push({ reportId: obligation.reportId, bodyId: obligation.bodyId, stage: decision.send.stage, reason: outcome.failure });
        continue;
      }
      if (outcome.sent) result.sent.push(outcome.sent);
    }
    await dependencies.reports.advanceNextReminder(obligation, decision.nextReminderOn);
  }
  return result;
}

type SendOutcome = { sent: SentReminder } | { sent: null } | { failure: string };

async function sendReminder(
  obligation: Obligation,
  reminder: PlannedReminder,
  today: CalendarDate,
  now: Date,
  reportFor: (reportId: string) => Promise<Report | null>,
  dependencies: ScanDependencies,
): Promise<SendOutcome> {
  const context = { reportId: obligation.reportId, bodyId: obligation.bodyId, stage: reminder.stage };
  const body = dependencies.configuration.localPolicingBodies.find((candidate) => candidate.id === obligation.bodyId);
  const report = await reportFor(obligation.reportId);
  if (!body || !report?.publishedOn) {
    const failure = !body
      ? `local policing body "${obligation.bodyId}" is no longer configured: add it back, or remove its obligations`
      : `report ${obligation.reportId} has no publication date`;
    logger.error('Reminder cannot be sent', { ...context, reason: failure });
    return { failure };
  }
  if (!(await dependencies.reports.claimReminder(obligation, reminder, now.toISOString()))) {
    logger.info('Reminder already in the ledger; not sent again', context);
    return { sent: null };
  }
  const email = renderReminderEmail({
    reminder,
    today,
    body,
    report: { title: report.title, publishedOn: report.publishedOn, sourceKey: report.source.key, recommendations: report.recommendations },
  });
  try {
    const messageId = await dependencies.mailer.send(body.recipients, email);
    await dependencies.reports.recordReminderOutcome(obligation, reminder, { status: 'sent', messageId, recipients: body.recipients });
    logger.info('Reminder sent', { ...context, messageId, recipientCount: body.recipients.length });
    return {
      sent: { ...context, dateKind: reminder.dateKind, dueOn: reminder.dueOn, recipients: body.recipients, subject: email.subject, messageId },
    };
  } catch (error) {
    const failure = (error as Error).message;
    logger.error('Reminder could not be sent; it will be tried again at the next scan', { ...context, error: error as Error });
    await dependencies.reports.recordReminderOutcome(obligation, reminder, { status: 'failed', reason: failure });
    return { failure };
  }
}
