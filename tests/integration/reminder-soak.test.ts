import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReminderMailer, reminderMailClient } from '../../functions/commons/reminder-mailer';
import { scanDeadlines } from '../../functions/deadline-scan/scan-deadlines';
import { recordSesEvent } from '../../functions/ses-events/record-ses-event';
import { type SesFault, type SesFront, startSesFront } from '../../infra/local/ses-front';
import { addDays } from '../../shared/calendar-date';
import { parseDeploymentConfiguration } from '../../shared/configuration';
import { FORCES } from '../../shared/forces';
import { useIsolatedServices } from '../support/local-services';

/**
 * A month of mornings for every force's body: about a thousand obligations, 30 simulated days of
 * scans, and SES failing at random (a seeded sequence, so a failure can be run again). At the end the
 * inbox and the ledger agree: every reminder is in the inbox once and the ledger says sent, or it is
 * raised to a person as unsettled and was never delivered; none twice, none lost.
 */
const DOMAIN = `soak-${randomUUID().slice(0, 8)}.test`;
const REPORTS = 24;
const DAYS = 30;
const FIRST_DAY = '2033-03-01';

const configuration = parseDeploymentConfiguration(
  {
    senderAddress: 'reminders@fiftysix.test',
    localPolicingBodies: FORCES.map((force, index) => ({
      id: `body-${index}`,
      name: force.localPolicingBody,
      force: force.name,
      recipients: [`body-${index}@${DOMAIN}`],
      reminders: {
        'response-due': { daysBefore: [7], onTheDay: false, overdue: false },
        'chief-officer-comments': { daysBefore: [], onTheDay: false, overdue: false },
        'recommendation-target': { daysBefore: [], onTheDay: false, overdue: false },
      },
    })),
  },
  'soak',
);

/** SES as it behaves on a bad month: mostly well, sometimes throttling, stalling, or losing its answer. */
const FAULTS: Array<[SesFault, number]> = [
  ['throttle', 0.04],
  ['reset', 0.02],
  ['hang', 0.01],
  ['lose-reply', 0.04],
  ['fail-after-accept', 0.03],
  ['slow-accept', 0.02],
];

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let front: SesFront;
const stack = inject('localStack');

beforeAll(async () => {
  services = await useIsolatedServices('soak', configuration);
  front = await startSesFront({
    upstream: `http://127.0.0.1:${stack.ports.ses}`,
    port: 0,
    onEvent: (event) => recordSesEvent(event, services, new Date()),
    slowAcceptMs: 400,
  });
});

afterAll(() => front?.stop());

describe('a month of reminders to 43 bodies through an SES that fails at random', () => {
  it('ends with the ledger and the inbox agreeing: each reminder delivered once, or raised as unsettled', { timeout: 300_000 }, async () => {
    const ingest = await import('../../functions/ingest/handler');
    // One national report a day, each owed by all 43 bodies and reminded a week before its last day.
    const reportIds: string[] = [];
    for (let day = 0; day < REPORTS; day += 1) {
      const publishedOn = addDays(FIRST_DAY, day - 48);
      const text = `Soak national report ${day}\nAn inspection of all police forces in England and Wales by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).\n\nRecommendation 1\nBy March 2040, all forces should review how they record crime.`;
      const [outcome] = await ingest.handler(await services.upload(`uploads/soak-${day}.txt`, text, publishedOn));
      reportIds.push(outcome!.reportId);
    }
    const obligations = (await Promise.all(reportIds.map((reportId) => services.reports.getObligations(reportId)))).flat();
    expect(obligations.length).toBeGreaterThanOrEqual(1_000);

    const random = seededRandom(56);
    front.setFaults(() => {
      let roll = random();
      for (const [fault, chance] of FAULTS) {
        if (roll < chance) return fault;
        roll -= chance;
      }
      return 'none';
    });
    const mailer = new ReminderMailer(
      reminderMailClient({ endpoint: front.url, requestHandler: { connectionTimeout: 300, requestTimeout: 300, throwOnRequestTimeout: true } }),
      configuration.senderAddress,
      'fiftysix-local',
    );
    for (let day = 0; day < DAYS; day += 1) {
      await scanDeadlines(new Date(`${addDays(FIRST_DAY, day)}T06:00:00Z`), { ...services, mailer, appUrl: 'http://127.0.0.1/app' });
      await front.settled();
    }

    const ledger = (await Promise.all(reportIds.map((reportId) => services.reports.ledgerOf(reportId)))).flat();
    const inbox = (await services.outbox()).filter((email) => email.to.every((address) => address.endsWith(`@${DOMAIN}`)));
    const deliveries = new Map<string, number>();
    for (const email of inbox) deliveries.set(email.messageId, (deliveries.get(email.messageId) ?? 0) + 1);
    const unsettled = new Set(
      (await services.reports.unsettledReminders(new Date('2100-01-01T00:00:00Z'))).map((entry) => `${entry.reportId}/${entry.bodyId}/${entry.stage}`),
    );

    // Every obligation's reminder was claimed once: one ledger entry each.
    expect(ledger).toHaveLength(obligations.length);
    // No email twice.
    expect([...deliveries.values()].filter((count) => count > 1)).toEqual([]);
    const sent = ledger.filter((entry) => entry.status === 'sent');
    // The inbox holds exactly the emails the ledger says were sent...
    expect(new Set(sent.map((entry) => entry.delivery!.messageId))).toEqual(new Set(deliveries.keys()));
    // ...and every other reminder is raised to a person, none silently dropped.
    const others = ledger.filter((entry) => entry.status !== 'sent');
    expect(others.every((entry) => unsettled.has(`${entry.reportId}/${entry.bodyId}/${entry.stage}`))).toBe(true);
    // The faults happened: answers were lost and settled by SES's events, and some sends were raised.
    expect(front.counts().received).toBeGreaterThan(sent.length);
    expect(others.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(obligations.length * 0.9);
  });
});
