import { randomUUID } from 'node:crypto';
import { addDays, type CalendarDate, londonDateAt } from '../../shared/calendar-date';
import { reminderSettingsFor } from '../../shared/configuration';
import { deliverableRecipients, type ServedBody } from '../../shared/directory';
import type { Obligation, Report } from '../../shared/model';
import { renderReminderEmail } from '../../shared/reminder-email';
import { decideReminders, type PlannedReminder, planReminders } from '../../shared/reminders';
import type { DirectoryTable } from '../commons/directory-table';
import { logger } from '../commons/logger';
import { reportPageUrl } from '../commons/office-views';
import type { ReminderMailer } from '../commons/reminder-mailer';
import { servedBodies } from '../commons/report-changes';
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

/** A reminder, or an obligation, that needs a person or another scan, and why. */
export interface ScanProblem {
  reportId: string;
  bodyId: string;
  stage: string | null;
  reason: string;
}

export interface ScanResult {
  today: CalendarDate;
  sent: SentReminder[];
  /** Refused by SES or never reaching it: the ledger marks them failed, and the next scan sends them. */
  failed: ScanProblem[];
  /** SES may have taken them: never sent again blindly; SES's events or a person settle them. */
  unconfirmed: ScanProblem[];
  /** Obligations the scan could not work out (an error it did not expect): the whole scan is tried again. */
  errors: ScanProblem[];
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
 * 3. claim each in the ledger, then send those claimed in one email, tagged with the ledger entries
 *    it carries: a repeated or retried scan finds them claimed and sends nothing;
 * 4. record what SES answered: accepted, refused (to be sent again by the next scan), or unknown
 *    (left unconfirmed for SES's events or a person, never sent again blindly);
 * 5. move the obligation's next reminder on once every reminder due is settled.
 * One obligation's failure never stops the others.
 */
export async function scanDeadlines(now: Date, dependencies: ScanDependencies): Promise<ScanResult> {
  const today = londonDateAt(now);
  const result: ScanResult = { today, sent: [], failed: [], unconfirmed: [], errors: [] };
  const bodies = await servedBodies(dependencies.directory);
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
      result.failed.push(...outcome.failed.map((problem) => ({ ...context, ...problem })));
      result.unconfirmed.push(...outcome.unconfirmed.map((problem) => ({ ...context, ...problem })));
    } catch (error) {
      logger.error('Reminders could not be worked out; the scan will be tried again', { ...context, error: error as Error });
      result.errors.push({ ...context, stage: null, reason: (error as Error).message });
    }
  }
  return result;
}

interface ObligationOutcome {
  sent: SentReminder[];
  failed: Array<{ stage: string | null; reason: string }>;
  unconfirmed: Array<{ stage: string | null; reason: string }>;
  /** False while any reminder due is unsent or unconfirmed: the obligation then stays where it is, so none is skipped. */
  settled: boolean;
}

async function remindOf(
  obligation: Obligation,
  { today, now, bodies, report }: { today: CalendarDate; now: Date; bodies: ServedBody[]; report: Report | null },
  dependencies: ScanDependencies,
): Promise<ObligationOutcome> {
  const body = bodies.find((candidate) => candidate.id === obligation.bodyId);
  if (!body || !report || !obligation.dates || !obligation.nextReminderOn) {
    const reason = !body
      ? `local policing body "${obligation.bodyId}" is not served (retired, or never added): it is taken out of the reminders`
      : `report ${obligation.reportId} or its dates are missing: it is taken out of the reminders`;
    logger.error('Reminders cannot be sent', { reportId: obligation.reportId, bodyId: obligation.bodyId, reason });
    // Left in the index, it would be read and fail at every scan, hiding failures that matter.
    await dependencies.reports.advanceNextReminder(obligation, null);
    return { sent: [], failed: [{ stage: null, reason }], unconfirmed: [], settled: true };
  }
  const plan = planReminders(obligation.dates, reminderSettingsFor(body), obligation.progress, addDays(today, PLAN_HORIZON_DAYS));
  const decision = decideReminders(plan, obligation.nextReminderOn, today);
  const outcome = await sendReminders(obligation, decision.send, { today, now, body, report }, dependencies);
  if (outcome.settled) await dependencies.reports.advanceNextReminder(obligation, decision.nextReminderOn);
  return outcome;
}

/** Claims each reminder in the ledger, then sends the ones claimed as one email to the body's office. */
async function sendReminders(
  obligation: Obligation,
  due: PlannedReminder[],
  { today, now, body, report }: { today: CalendarDate; now: Date; body: ServedBody; report: Report },
  dependencies: ScanDependencies,
): Promise<ObligationOutcome> {
  const context = { reportId: obligation.reportId, bodyId: obligation.bodyId };
  const emailId = randomUUID();
  const claimed: PlannedReminder[] = [];
  const outcome: ObligationOutcome = { sent: [], failed: [], unconfirmed: [], settled: true };
  for (const reminder of due) {
    const claim = await dependencies.reports.claimReminder(obligation, reminder, now, emailId);
    const about = { ...context, dateKind: reminder.dateKind, stage: reminder.stage };
    if (claim.outcome === 'claimed') claimed.push(reminder);
    else if (claim.outcome === 'sent') logger.info('Reminder already sent; not sent again', about);
    else {
      outcome.settled = false;
      if (claim.outcome === 'unconfirmed') {
        const reason = `claimed at ${claim.claimedAt}, and SES has not said whether it sent it: check SES's sending history, then settle it (locally "npm run cli -- settle ${obligation.reportId} --body ${obligation.bodyId} --outcome sent|resend")`;
        logger.error('Reminder unconfirmed', { ...about, reason });
        outcome.unconfirmed.push({ stage: reminder.stage, reason });
      } else {
        logger.info('Reminder being sent by another scan', about);
      }
    }
  }
  if (claimed.length === 0) return outcome;

  const stages = claimed.map((reminder) => reminder.stage);
  const recipients = deliverableRecipients(body);
  const record = (status: 'failed' | 'unconfirmed', reason: string) =>
    Promise.all(claimed.map((reminder) => dependencies.reports.recordReminderOutcome({ ...context, ...reminder }, { status, reason })));
  if (recipients.length === 0) {
    const reason = `${body.name} has no recipient left to send to: every address bounced or complained; an administrator must give it one`;
    logger.error('Reminder has no deliverable recipient', { ...context, stages });
    await record('failed', reason);
    return { ...outcome, settled: false, failed: [...outcome.failed, ...stages.map((stage) => ({ stage, reason }))] };
  }
  const email = renderReminderEmail({
    reminders: claimed,
    today,
    body,
    report: { id: report.id, title: report.title, sourceKey: report.source.key, recommendations: report.recommendations },
    reportUrl: reportPageUrl(dependencies.appUrl, report.id),
    dates: obligation.dates!,
    progress: obligation.progress,
    response: obligation.response ?? null,
  });
  const sent = await dependencies.mailer.send(recipients, email, { report: report.id, body: body.id, email: emailId });
  if (sent.status !== 'accepted') {
    logger.error(
      sent.status === 'refused'
        ? 'SES refused the reminder; the next scan sends it'
        : 'SES may have sent the reminder: it is left unconfirmed, never sent again blindly',
      {
        ...context,
        stages,
        reason: sent.reason,
      },
    );
    await record(sent.status === 'refused' ? 'failed' : 'unconfirmed', sent.reason);
    const problems = stages.map((stage) => ({ stage, reason: sent.reason }));
    return sent.status === 'refused'
      ? { ...outcome, settled: false, failed: [...outcome.failed, ...problems] }
      : { ...outcome, settled: false, unconfirmed: [...outcome.unconfirmed, ...problems] };
  }
  // SES has it now: a failure from here on must not mark it failed, or it would go again.
  for (const reminder of claimed) {
    await dependencies.reports.recordReminderOutcome({ ...context, ...reminder }, { status: 'sent', messageId: sent.messageId, recipients });
  }
  logger.info('Reminder sent', { ...context, stages, messageId: sent.messageId, recipientCount: recipients.length });
  outcome.sent.push(
    ...claimed.map((reminder) => ({
      ...context,
      dateKind: reminder.dateKind,
      stage: reminder.stage,
      dueOn: reminder.dueOn,
      recipients,
      subject: email.subject,
      messageId: sent.messageId,
    })),
  );
  return outcome;
}
