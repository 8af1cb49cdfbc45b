import { SESv2Client, type SESv2ClientConfig, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { ReminderEmail } from '../../shared/reminder-email';

/**
 * SES has no idempotency key: a SendEmail tried again after SES took the first one sends the email
 * twice. So the client never retries it, and gives up waiting after a bound, leaving the outcome to be
 * settled by SES's own events rather than guessed.
 */
export const SEND_TIMEOUTS = { connectionTimeout: 3_000, requestTimeout: 10_000 } as const;

export function reminderMailClient(config: SESv2ClientConfig = {}): SESv2Client {
  return new SESv2Client({
    maxAttempts: 1,
    requestHandler: { ...SEND_TIMEOUTS, throwOnRequestTimeout: true },
    ...config,
  });
}

/** The message tags that name the ledger entries an email settles, so SES's events about it find them. */
export const MESSAGE_TAGS = { report: 'fiftysix-report', body: 'fiftysix-body', email: 'fiftysix-email' } as const;

/**
 * What became of a send. `accepted`: SES took it. `refused`: SES certainly did not take it (it refused
 * it, or the request never reached it), so it may be sent again. `unknown`: SES may have taken it (the
 * answer was lost, timed out, or was a server error after the request went out): it must not be sent
 * again blindly.
 */
export type SendOutcome = { status: 'accepted'; messageId: string } | { status: 'refused' | 'unknown'; reason: string };

/** Errors that mean the request never reached SES, so nothing can have been sent. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function outcomeOf(error: unknown): SendOutcome {
  const failure = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  const reason = `${failure.name}: ${failure.message}`;
  const status = failure.$metadata?.httpStatusCode;
  // 4xx: SES looked at the request and refused it (throttled, rejected, not allowed).
  if (status !== undefined && status >= 400 && status < 500) return { status: 'refused', reason };
  if (status === undefined && (NEVER_SENT.has(failure.code ?? '') || /did not establish a connection/.test(failure.message)))
    return { status: 'refused', reason };
  return { status: 'unknown', reason };
}

/** The SES v2 adapter: sends one reminder email, its parts and tags, from the configured identity, and says what became of it. */
export class ReminderMailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly senderAddress: string,
    /** The configuration set whose event destination reports sends, deliveries, bounces and complaints. */
    private readonly configurationSet: string | null = null,
  ) {}

  async send(recipients: string[], email: ReminderEmail, tags: Record<keyof typeof MESSAGE_TAGS, string>): Promise<SendOutcome> {
    try {
      const response = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.senderAddress,
          Destination: { ToAddresses: recipients },
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
          EmailTags: Object.entries(tags).map(([name, value]) => ({ Name: MESSAGE_TAGS[name as keyof typeof MESSAGE_TAGS], Value: value })),
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
            },
          },
        }),
      );
      return { status: 'accepted', messageId: response.MessageId ?? '' };
    } catch (error) {
      return outcomeOf(error);
    }
  }
}
