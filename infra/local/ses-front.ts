import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SesEvent } from '../../shared/ses-events';
import { answer, forward, startProxyServer } from './fault-proxy';

/**
 * What the stand-in does to one SendEmail, to reproduce what SES and the network do to FiftySix:
 * - `none`: passes it on and answers as SES did;
 * - `throttle`: answers 429 without sending (SES's "maximum sending rate exceeded");
 * - `reset`: closes the connection without sending, as a network fault before SES had it;
 * - `hang`: never answers and never sends, as a stalled connection;
 * - `lose-reply`: sends it, then closes the connection before the answer: SES took it, the caller cannot know;
 * - `fail-after-accept`: sends it, then answers 500;
 * - `slow-accept`: sends it, and answers only after the caller has given up waiting.
 */
export type SesFault = 'none' | 'throttle' | 'reset' | 'hang' | 'lose-reply' | 'fail-after-accept' | 'slow-accept';

/** Which fault the n-th SendEmail (from 0) meets. */
export type FaultPlan = (sendIndex: number) => SesFault;

export interface SesFront {
  url: string;
  /** From now on, SendEmail meets these faults; the count restarts. */
  setFaults(plan: FaultPlan): void;
  /** Resolves once every event for the emails sent so far has been handed on. */
  settled(): Promise<void>;
  /** How many SendEmail requests reached the stand-in, and how many it passed on to the emulator. */
  counts(): { received: number; sent: number };
  stop(): Promise<void>;
}

export interface SesFrontOptions {
  /** aws-ses-v2-local, which keeps the mail for the inbox. */
  upstream: string;
  port: number;
  /** Where SES's events go: in AWS, a configuration set's event destination; here, the ses-events handler. */
  onEvent: (event: SesEvent) => Promise<unknown>;
  faults?: FaultPlan;
  /** How long `slow-accept` holds its answer. */
  slowAcceptMs?: number;
}

const SEND_EMAIL_PATH = '/v2/email/outbound-emails';

interface SendEmailRequest {
  ConfigurationSetName?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  EmailTags?: Array<{ Name: string; Value: string }>;
}

/**
 * The events SES would publish for an email it took, as its mailbox simulator makes them: an address
 * whose local part is `bounce` bounces for good, `complaint` is delivered and complains, any other is
 * delivered. Events are published only for an email sent with a configuration set, as in SES.
 */
export function simulatedEvents(sent: SendEmailRequest, messageId: string, at: Date): SesEvent[] {
  if (!sent.ConfigurationSetName) return [];
  const destination = [...(sent.Destination?.ToAddresses ?? []), ...(sent.Destination?.CcAddresses ?? []), ...(sent.Destination?.BccAddresses ?? [])];
  const tags: Record<string, string[]> = { 'ses:configuration-set': [sent.ConfigurationSetName] };
  for (const tag of sent.EmailTags ?? []) tags[tag.Name] = [tag.Value];
  const timestamp = at.toISOString();
  const mail = { messageId, timestamp, destination, tags };
  const kind = (address: string) => address.split('@')[0]!.toLowerCase().replace(/\+.*$/, '');
  const bounced = destination.filter((address) => kind(address) === 'bounce');
  const complained = destination.filter((address) => kind(address) === 'complaint');
  const delivered = destination.filter((address) => !bounced.includes(address));
  return [
    { eventType: 'Send', mail },
    ...(delivered.length > 0 ? [{ eventType: 'Delivery', mail, delivery: { timestamp, recipients: delivered } }] : []),
    ...(bounced.length > 0
      ? [
          {
            eventType: 'Bounce',
            mail,
            bounce: {
              bounceType: 'Permanent',
              bounceSubType: 'General',
              timestamp,
              bouncedRecipients: bounced.map((emailAddress) => ({ emailAddress, diagnosticCode: 'smtp; 550 5.1.1 user unknown' })),
            },
          },
        ]
      : []),
    ...(complained.length > 0
      ? [
          {
            eventType: 'Complaint',
            mail,
            complaint: { timestamp, complaintFeedbackType: 'abuse', complainedRecipients: complained.map((emailAddress) => ({ emailAddress })) },
          },
        ]
      : []),
  ];
}

/**
 * A stand-in for SES in front of aws-ses-v2-local: everything passes through (the inbox, its store),
 * SendEmail meets the faults planned for it, and each email the emulator took is followed by the
 * events SES would publish for it. It is how the local stack settles reminders from SES's events,
 * and how the tests lose SES's answers, stall it and throttle it without touching FiftySix's code.
 */
export async function startSesFront(options: SesFrontOptions): Promise<SesFront> {
  const upstream = new URL(options.upstream);
  let plan: FaultPlan = options.faults ?? (() => 'none');
  let received = 0;
  let sent = 0;
  const pending = new Set<Promise<unknown>>();

  const publish = (events: SesEvent[]) => {
    // SES publishes its events a moment after it answers, whatever became of the answer.
    const delivery = new Promise((resolve) => setImmediate(resolve)).then(async () => {
      for (const event of events) {
        await options.onEvent(event).catch((error: Error) => process.stderr.write(`An SES event was not handled: ${error.message}\n`));
      }
    });
    pending.add(delivery);
    void delivery.finally(() => pending.delete(delivery));
  };

  const handle = async (incoming: IncomingMessage, body: Buffer, response: ServerResponse) => {
    if (incoming.method !== 'POST' || incoming.url !== SEND_EMAIL_PATH) {
      const passed = await forward(upstream, incoming, body);
      answer(response, passed.status, passed.headers, passed.body);
      return;
    }
    const fault = plan(received);
    received += 1;
    if (fault === 'throttle') {
      answer(
        response,
        429,
        { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException', 'x-amzn-requestid': randomUUID() },
        JSON.stringify({ message: 'Maximum sending rate exceeded.' }),
      );
      return;
    }
    if (fault === 'reset') {
      incoming.socket.destroy();
      return;
    }
    if (fault === 'hang') return;
    const passed = await forward(upstream, incoming, body);
    if (passed.status >= 200 && passed.status < 300) {
      sent += 1;
      const { MessageId } = JSON.parse(passed.body.toString()) as { MessageId: string };
      publish(simulatedEvents(JSON.parse(body.toString()) as SendEmailRequest, MessageId, new Date()));
    }
    if (fault === 'lose-reply') incoming.socket.destroy();
    else if (fault === 'fail-after-accept')
      answer(response, 500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' }, JSON.stringify({ message: 'Internal failure' }));
    else if (fault === 'slow-accept') setTimeout(() => answer(response, passed.status, passed.headers, passed.body), options.slowAcceptMs ?? 15_000).unref();
    else answer(response, passed.status, passed.headers, passed.body);
  };

  const server = await startProxyServer(options.port, handle);
  return {
    url: server.url,
    setFaults: (next) => {
      plan = next;
      received = 0;
    },
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    counts: () => ({ received, sent }),
    stop: server.stop,
  };
}
