import * as z from 'zod/mini';
import type { SuppressedRecipient } from './directory';

/**
 * What SES publishes about each email through a configuration set's event destination (the "event
 * publishing" format, not the older notifications'): the email, with the tags it was sent with, and
 * what happened. Only the fields FiftySix acts on are read; SES adds others.
 */
const recipientList = z.array(z.object({ emailAddress: z.string(), diagnosticCode: z.optional(z.string()) }));

export const sesEventSchema = z.object({
  eventType: z.string(),
  mail: z.object({
    messageId: z.string(),
    timestamp: z.string(),
    destination: z.array(z.string()),
    tags: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
  bounce: z.optional(z.object({ bounceType: z.string(), bounceSubType: z.optional(z.string()), timestamp: z.string(), bouncedRecipients: recipientList })),
  complaint: z.optional(z.object({ timestamp: z.string(), complainedRecipients: recipientList, complaintFeedbackType: z.optional(z.string()) })),
  delivery: z.optional(z.object({ timestamp: z.string(), recipients: z.array(z.string()) })),
  reject: z.optional(z.object({ reason: z.string() })),
  failure: z.optional(z.object({ errorMessage: z.optional(z.string()) })),
  deliveryDelay: z.optional(z.object({ timestamp: z.string(), delayType: z.optional(z.string()), delayedRecipients: recipientList })),
});

export type SesEvent = z.infer<typeof sesEventSchema>;

/** What one SES event means for the ledger and the bodies. */
export interface SesEventEffects {
  /**
   * What it settles of the ledger entries the email carried: `sent` (SES took it, whatever its
   * delivery), `rejected` (SES will never send it), or null (it says nothing of whether it was sent).
   */
  settles: { status: 'sent'; messageId: string; recipients: string[] } | { status: 'rejected'; reason: string } | null;
  /** What became of each recipient. */
  recipients: Array<{ address: string; outcome: 'delivered' | 'bounced' | 'complained' | 'delayed'; at: string; detail?: string }>;
  /** Recipients not to email again: a permanent bounce, or a complaint. */
  suppress: SuppressedRecipient[];
}

/**
 * Reads an SES event. Every event but a rejection or rendering failure is evidence that SES took the
 * email; a permanent bounce or a complaint suppresses the address, as SES's own reputation rules ask
 * (a transient bounce, such as a full mailbox, does not).
 */
export function sesEventEffects(event: SesEvent): SesEventEffects {
  const sent = { status: 'sent' as const, messageId: event.mail.messageId, recipients: event.mail.destination };
  switch (event.eventType) {
    case 'Send':
      return { settles: sent, recipients: [], suppress: [] };
    case 'Delivery':
      return {
        settles: sent,
        recipients: (event.delivery?.recipients ?? []).map((address) => ({ address, outcome: 'delivered', at: event.delivery!.timestamp })),
        suppress: [],
      };
    case 'Bounce': {
      const bounce = event.bounce!;
      const permanent = bounce.bounceType === 'Permanent';
      const bounced = bounce.bouncedRecipients.map((recipient) => ({
        address: recipient.emailAddress,
        at: bounce.timestamp,
        detail: [bounce.bounceType, bounce.bounceSubType, recipient.diagnosticCode].filter(Boolean).join(': '),
      }));
      return {
        settles: sent,
        recipients: bounced.map((each) => ({ ...each, outcome: 'bounced' })),
        suppress: permanent ? bounced.map(({ address, at, detail }) => ({ address, reason: 'bounce', at, detail })) : [],
      };
    }
    case 'Complaint': {
      const complaint = event.complaint!;
      const complained = complaint.complainedRecipients.map((recipient) => ({
        address: recipient.emailAddress,
        at: complaint.timestamp,
        detail: complaint.complaintFeedbackType ?? null,
      }));
      return {
        settles: sent,
        recipients: complained.map(({ address, at, detail }) => ({ address, outcome: 'complained', at, ...(detail ? { detail } : {}) })),
        suppress: complained.map(({ address, at, detail }) => ({ address, reason: 'complaint', at, detail })),
      };
    }
    case 'DeliveryDelay': {
      const delay = event.deliveryDelay!;
      return {
        settles: sent,
        recipients: delay.delayedRecipients.map((recipient) => ({
          address: recipient.emailAddress,
          outcome: 'delayed',
          at: delay.timestamp,
          detail: delay.delayType,
        })),
        suppress: [],
      };
    }
    case 'Reject':
      return { settles: { status: 'rejected', reason: `SES rejected the email: ${event.reject?.reason ?? 'no reason given'}` }, recipients: [], suppress: [] };
    case 'Rendering Failure':
      return {
        settles: { status: 'rejected', reason: `SES could not render the email: ${event.failure?.errorMessage ?? 'no reason given'}` },
        recipients: [],
        suppress: [],
      };
    default:
      // Opens, clicks and subscriptions say nothing FiftySix acts on.
      return { settles: null, recipients: [], suppress: [] };
  }
}
