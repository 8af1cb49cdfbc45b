import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alertLines, NothingToSettleError, operatorAlerts, settleReminders } from '../../functions/commons/operator-alerts';
import { ReminderMailer, reminderMailClient } from '../../functions/commons/reminder-mailer';
import { type ScanDependencies, scanDeadlines } from '../../functions/deadline-scan/scan-deadlines';
import { snsEventOf } from '../../infra/local/local-stack';
import { type SesFront, startSesFront } from '../../infra/local/ses-front';
import { addDays } from '../../shared/calendar-date';
import { parseDeploymentConfiguration } from '../../shared/configuration';
import { workingDayOnOrBefore } from '../../shared/working-days';
import { useIsolatedServices } from '../support/local-services';

/**
 * SES's events through the ses-events handler, as SNS delivers them: sends settled, deliveries
 * recorded per recipient, bounced and complaining addresses taken out of the reminders, and what a
 * person must see listed for them.
 */
const DOMAIN = `events-${randomUUID().slice(0, 8)}.test`;
const ONE_REMINDER = {
  'response-due': { daysBefore: [7], onTheDay: false, overdue: false },
  'chief-officer-comments': { daysBefore: [], onTheDay: false, overdue: false },
  'recommendation-target': { daysBefore: [], onTheDay: false, overdue: false },
};
const configuration = parseDeploymentConfiguration(
  {
    senderAddress: 'reminders@fiftysix.test',
    localPolicingBodies: [
      // The mailbox simulator's addresses, as SES's own: "bounce" bounces for good, "complaint" complains.
      {
        id: 'kent',
        name: 'Kent PCC',
        force: 'Kent Police',
        recipients: [`office@${DOMAIN}`, `bounce@${DOMAIN}`, `complaint@${DOMAIN}`],
        reminders: ONE_REMINDER,
      },
      { id: 'essex', name: 'Essex PFCC', force: 'Essex Police', recipients: [`bounce+essex@${DOMAIN}`], reminders: ONE_REMINDER },
    ],
  },
  'ses events',
);

const nationalReport = (title: string) =>
  [
    title,
    'An inspection of all police forces in England and Wales by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).',
    '',
    'Recommendation 1',
    'By March 2040, all forces should review how they record crime.',
  ].join('\n');

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let ingest: typeof import('../../functions/ingest/handler');
let sesEvents: typeof import('../../functions/ses-events/handler');
let front: SesFront;
const stack = inject('localStack');

beforeAll(async () => {
  services = await useIsolatedServices('events', configuration);
  ingest = await import('../../functions/ingest/handler');
  sesEvents = await import('../../functions/ses-events/handler');
  // SES's events reach the handler as SNS would deliver them.
  front = await startSesFront({ upstream: `http://127.0.0.1:${stack.ports.ses}`, port: 0, onEvent: (event) => sesEvents.handler(snsEventOf(event)) });
});

afterAll(() => front?.stop());

const dependencies = (): ScanDependencies => ({
  reports: services.reports,
  directory: services.directory,
  mailer: new ReminderMailer(reminderMailClient({ endpoint: front.url }), configuration.senderAddress, 'fiftysix-local'),
  appUrl: 'http://127.0.0.1/app',
});

async function reportPublished(publishedOn: string, title: string) {
  const [outcome] = await ingest.handler(await services.upload(`uploads/${title}.txt`, nationalReport(title), publishedOn));
  return { reportId: outcome!.reportId, remindOn: workingDayOnOrBefore(addDays(publishedOn, 48)) };
}

describe('SES’s events', () => {
  it('record each recipient’s delivery, bounce and complaint, and take the bounced and complaining addresses out of the reminders', async () => {
    const first = await reportPublished('2032-01-08', 'bounces');
    const scan = await scanDeadlines(new Date(`${first.remindOn}T06:00:00Z`), dependencies());
    expect(scan.sent.map((each) => each.bodyId).sort()).toEqual(['essex', 'kent']);
    await front.settled();

    const ledger = await services.reports.ledgerOf(first.reportId);
    const kent = ledger.find((entry) => entry.bodyId === 'kent')!;
    expect(kent.status).toBe('sent');
    expect(kent.recipients).toMatchObject({
      [`office@${DOMAIN}`]: { outcome: 'delivered' },
      [`bounce@${DOMAIN}`]: { outcome: 'bounced', detail: expect.stringContaining('550 5.1.1') },
      [`complaint@${DOMAIN}`]: { outcome: 'complained' },
    });
    expect((await services.directory.getBody('kent'))?.suppressed).toEqual([
      expect.objectContaining({ address: `bounce@${DOMAIN}`, reason: 'bounce' }),
      expect.objectContaining({ address: `complaint@${DOMAIN}`, reason: 'complaint' }),
    ]);
    expect((await services.directory.getBody('essex'))?.suppressed).toEqual([expect.objectContaining({ address: `bounce+essex@${DOMAIN}` })]);

    // The next reminder goes only to the address that can receive it; a body left with none is raised, not emailed.
    const second = await reportPublished('2032-02-05', 'after bounces');
    const next = await scanDeadlines(new Date(`${second.remindOn}T06:00:00Z`), dependencies());
    expect(next.sent.filter((each) => each.reportId === second.reportId)).toEqual([
      expect.objectContaining({ bodyId: 'kent', recipients: [`office@${DOMAIN}`] }),
    ]);
    expect(next.failed.filter((each) => each.reportId === second.reportId)).toEqual([
      expect.objectContaining({ bodyId: 'essex', reason: expect.stringContaining('no recipient left') }),
    ]);

    const alerts = await operatorAlerts(services, new Date());
    expect(alerts.bodiesWithoutRecipients).toEqual(['essex']);
    expect(alerts.suppressedRecipients.map((each) => each.address).sort()).toEqual([`bounce+essex@${DOMAIN}`, `bounce@${DOMAIN}`, `complaint@${DOMAIN}`]);
    expect(alertLines(alerts)).toContain('essex has no recipient its reminders can reach: give it another address');
  });

  it('keeps a bounce, a fact about an address, through the body’s next change in the configuration', async () => {
    const { seedDirectory } = await import('../../functions/commons/directory-updates');
    const kent = configuration.localPolicingBodies[0]!;
    await seedDirectory(services, {
      ...configuration,
      localPolicingBodies: [{ ...kent, name: 'Kent Police and Crime Commissioner' }, configuration.localPolicingBodies[1]!],
    });
    expect((await services.directory.getBody('kent'))?.suppressed?.map((each) => each.address)).toEqual([`bounce@${DOMAIN}`, `complaint@${DOMAIN}`]);
    // Until an administrator says the address works again.
    const { changeBody } = await import('../../functions/commons/directory-updates');
    const admin = { actor: 'admin@fiftysix.test', bodyIds: [], admin: true };
    await changeBody(services, admin, 'kent', {}, { reason: 'The mailbox was recreated', emailAgain: [`BOUNCE@${DOMAIN}`] });
    expect((await services.directory.getBody('kent'))?.suppressed?.map((each) => each.address)).toEqual([`complaint@${DOMAIN}`]);
  });

  it('leave emails that are not reminders alone, and send a message that is not an SES event to the dead-letter queue', async () => {
    const stranger = {
      eventType: 'Delivery',
      mail: { messageId: 'not-ours', timestamp: new Date().toISOString(), destination: ['someone@example.org'], tags: {} },
      delivery: { timestamp: new Date().toISOString(), recipients: ['someone@example.org'] },
    };
    expect(await sesEvents.handler(snsEventOf(stranger))).toEqual([{ settled: 0, suppressed: [], bodyWithoutRecipients: null }]);
    const garbled = snsEventOf(stranger);
    garbled.Records[0]!.Sns.Message = 'not json';
    await expect(sesEvents.handler(garbled)).rejects.toThrow(sesEvents.UnreadableSesEventError);
  });

  it('let a person settle a reminder SES never spoke of, sent or to be sent again', async () => {
    const { reportId, remindOn } = await reportPublished('2032-03-04', 'settled by hand');
    front.setFaults(() => 'reset');
    const scan = await scanDeadlines(new Date(`${remindOn}T06:00:00Z`), dependencies());
    expect(scan.unconfirmed.filter((each) => each.reportId === reportId)).toHaveLength(1);
    front.setFaults(() => 'none');
    await expect(settleReminders(services.reports, reportId, 'essex', 'sent', 'cli')).rejects.toThrow(NothingToSettleError);
    await settleReminders(services.reports, reportId, 'kent', 'resend', 'cli');
    const again = await scanDeadlines(new Date(`${remindOn}T08:00:00Z`), dependencies());
    expect(again.sent.filter((each) => each.reportId === reportId)).toEqual([expect.objectContaining({ bodyId: 'kent' })]);
  });
});
