import { auditEvent, type EventContext } from '../../shared/audit';
import { londonDateAt } from '../../shared/calendar-date';
import { deliverableRecipients, servedBody } from '../../shared/directory';
import { type SesEvent, sesEventEffects } from '../../shared/ses-events';
import type { DirectoryTable } from '../commons/directory-table';
import { logger } from '../commons/logger';
import { MESSAGE_TAGS } from '../commons/reminder-mailer';
import type { ReportsTable } from '../commons/reports-table';

export interface SesEventDependencies {
  reports: ReportsTable;
  directory: DirectoryTable;
}

/** What one event did, for the handler's metrics and the tests. */
export interface SesEventOutcome {
  /** Ledger entries it settled as sent or rejected. */
  settled: number;
  suppressed: string[];
  /** The body, when a suppression left it with no recipient its reminders can reach. */
  bodyWithoutRecipients: string | null;
}

const NOTHING: SesEventOutcome = { settled: 0, suppressed: [], bodyWithoutRecipients: null };

/** The audit trail's actor for what SES's events change. */
const SES_ACTOR = 'ses';

/**
 * Records what SES said of a reminder's email:
 * 1. find the ledger entries the email carried, by its message tags;
 * 2. settle them: sent (any event but a rejection is evidence SES took it), or rejected; an entry
 *    already settled stays as it was, so events arriving in any order or twice change nothing more;
 * 3. record each recipient's delivery, bounce, complaint or delay on each entry;
 * 4. suppress on the body the addresses that bounced for good or complained, with an audit event, and
 *    say when that leaves the body with no one to remind.
 * An email without FiftySix's tags (a Cognito message, say) is not ours and is left alone.
 */
export async function recordSesEvent(event: SesEvent, dependencies: SesEventDependencies, now: Date): Promise<SesEventOutcome> {
  const tag = (name: string) => event.mail.tags?.[name]?.[0];
  const reportId = tag(MESSAGE_TAGS.report);
  const bodyId = tag(MESSAGE_TAGS.body);
  const emailId = tag(MESSAGE_TAGS.email);
  if (!reportId || !bodyId || !emailId) {
    logger.info('An SES event about an email that is not a reminder', { eventType: event.eventType, messageId: event.mail.messageId });
    return NOTHING;
  }
  const context = { reportId, bodyId, emailId, eventType: event.eventType, messageId: event.mail.messageId };
  const effects = sesEventEffects(event);
  const entries = await dependencies.reports.ledgerOfEmail(reportId, bodyId, emailId);
  if (entries.length === 0) logger.warn('An SES event names reminders the ledger does not hold', context);

  let settled = 0;
  const { settles } = effects;
  for (const entry of entries) {
    if (settles && (settles.status === 'rejected' || (entry.status !== 'sent' && entry.status !== 'rejected'))) {
      await dependencies.reports.recordReminderOutcome(entry, settles);
      settled += 1;
    }
    for (const { address, ...outcome } of effects.recipients) await dependencies.reports.recordRecipientOutcome(entry, address, outcome);
  }
  if (settles?.status === 'rejected') logger.error('SES rejected a reminder: it will not be sent', { ...context, reason: settles.reason });

  if (effects.suppress.length === 0) return { ...NOTHING, settled };
  const at: EventContext = { by: SES_ACTOR, on: londonDateAt(now), at: now.toISOString() };
  const body = await dependencies.directory.suppressRecipients(bodyId, effects.suppress, (after) =>
    auditEvent(
      at,
      'body.recipients-suppressed',
      { bodyId },
      {
        after: { suppressed: effects.suppress, deliverable: deliverableRecipients(servedBody(after)) },
        reason: `SES reported ${effects.suppress.map((each) => `${each.address} (${each.reason}${each.detail ? `: ${each.detail}` : ''})`).join(', ')}`,
      },
    ),
  );
  const suppressed = effects.suppress.map((each) => each.address);
  logger.error('Recipients no longer emailed: SES said they bounced for good or complained; an administrator should replace them', {
    ...context,
    suppressed,
  });
  const left = body ? deliverableRecipients(servedBody(body)) : [];
  if (body && left.length === 0)
    logger.error('A body has no recipient left that its reminders can reach: give it another address', { bodyId, name: body.name });
  return { settled, suppressed, bodyWithoutRecipients: body && left.length === 0 ? bodyId : null };
}
