import { inject } from 'vitest';
import { ReminderMailer, reminderMailClient } from '../../functions/commons/reminder-mailer';
import { recordSesEvent, type SesEventDependencies } from '../../functions/ses-events/record-ses-event';
import { LOCAL_NAMES } from '../../infra/local/local-stack';
import { type SesFront, startSesFront } from '../../infra/local/ses-front';

/**
 * An SES stand-in of a test's own, in front of the tests' shared SES emulator, whose events are
 * recorded in the test's table as the ses-events function would; and mailers as the scan builds
 * them, with waits short enough for a test (`waitMs` for an answer), to it or to any endpoint.
 */
export async function sesStandIn(services: SesEventDependencies, options: { senderAddress: string; slowAcceptMs: number; waitMs: number }) {
  const front: SesFront = await startSesFront({
    upstream: `http://127.0.0.1:${inject('localStack').ports.ses}`,
    port: 0,
    onEvent: (event) => recordSesEvent(event, services, new Date()),
    slowAcceptMs: options.slowAcceptMs,
  });
  const mailerTo = (endpoint: string = front.url) =>
    new ReminderMailer(
      reminderMailClient({ endpoint, requestHandler: { connectionTimeout: options.waitMs, requestTimeout: options.waitMs, throwOnRequestTimeout: true } }),
      options.senderAddress,
      LOCAL_NAMES.sesConfigurationSet,
    );
  return { front, mailerTo };
}
