import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DirectoryTable } from '../../functions/commons/directory-table';
import { ReminderMailer, reminderMailClient } from '../../functions/commons/reminder-mailer';
import { ReportsTable } from '../../functions/commons/reports-table';
import { type ScanDependencies, scanDeadlines } from '../../functions/deadline-scan/scan-deadlines';
import { recordSesEvent } from '../../functions/ses-events/record-ses-event';
import { startThrottlingDynamoDb } from '../../infra/local/fault-proxy';
import { type FaultPlan, type SesFront, startSesFront } from '../../infra/local/ses-front';
import { addDays } from '../../shared/calendar-date';
import { parseDeploymentConfiguration } from '../../shared/configuration';
import { workingDayOnOrBefore } from '../../shared/working-days';
import { useIsolatedServices } from '../support/local-services';

/**
 * Reminders towards an SES that loses answers, stalls, throttles and fails, and a table that
 * throttles, through stand-ins in front of the emulators: every reminder due is delivered once, or
 * raised to a person as unsettled; none is sent twice, none is lost.
 */
const DOMAIN = `faults-${randomUUID().slice(0, 8)}.test`;
/** One reminder per obligation, a week before its last day: each email in the inbox is one ledger entry. */
const ONE_REMINDER = {
  'response-due': { daysBefore: [7], onTheDay: false, overdue: false },
  'chief-officer-comments': { daysBefore: [], onTheDay: false, overdue: false },
  'recommendation-target': { daysBefore: [], onTheDay: false, overdue: false },
};
const configuration = parseDeploymentConfiguration(
  {
    senderAddress: 'reminders@fiftysix.test',
    localPolicingBodies: [
      { id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: [`cumbria@${DOMAIN}`], reminders: ONE_REMINDER },
      { id: 'surrey', name: 'Surrey PCC', force: 'Surrey Police', recipients: [`surrey@${DOMAIN}`], reminders: ONE_REMINDER },
    ],
  },
  'reminder faults',
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
let front: SesFront;
const stack = inject('localStack');

beforeAll(async () => {
  services = await useIsolatedServices('faults', configuration);
  ingest = await import('../../functions/ingest/handler');
  front = await startSesFront({
    upstream: `http://127.0.0.1:${stack.ports.ses}`,
    port: 0,
    onEvent: (event) => recordSesEvent(event, services, new Date()),
    slowAcceptMs: 1_500,
  });
});

afterAll(() => front?.stop());

/** The mailer as the scan builds it, with waits short enough for a test. */
const mailerTo = (endpoint: string) =>
  new ReminderMailer(
    reminderMailClient({ endpoint, requestHandler: { connectionTimeout: 500, requestTimeout: 800, throwOnRequestTimeout: true } }),
    configuration.senderAddress,
    'fiftysix-local',
  );

const dependencies = (overrides: Partial<ScanDependencies> = {}): ScanDependencies => ({
  reports: services.reports,
  directory: services.directory,
  mailer: mailerTo(front.url),
  appUrl: 'http://127.0.0.1/app',
  ...overrides,
});

/** National reports published the same day: each owed by both bodies, each reminded once, on `remindOn`. */
async function reportsPublished(publishedOn: string, count: number, name: string) {
  const reportIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const [outcome] = await ingest.handler(await services.upload(`uploads/${name}-${index}.txt`, nationalReport(`${name} ${index}`), publishedOn));
    expect(outcome?.owedBy).toEqual(['cumbria', 'surrey']);
    reportIds.push(outcome!.reportId);
  }
  return { reportIds, remindOn: workingDayOnOrBefore(addDays(addDays(publishedOn, 55), -7)) };
}

/** What the inbox holds for these reports, and what the ledger says of them. */
async function accountFor(reportIds: string[]) {
  const ledger = (await Promise.all(reportIds.map((reportId) => services.reports.ledgerOf(reportId)))).flat();
  const sentIds = new Set(ledger.flatMap((entry) => (entry.status === 'sent' && entry.delivery ? [entry.delivery.messageId] : [])));
  const emails = (await services.outbox()).filter((email) => email.to.every((address) => address.endsWith(`@${DOMAIN}`)));
  const ours = emails.filter((email) => reportIds.some((reportId) => email.text.includes(reportId)));
  const delivered = new Map<string, number>();
  for (const email of ours) delivered.set(email.messageId, (delivered.get(email.messageId) ?? 0) + 1);
  // The scans run at simulated moments years ahead: every unsettled entry, however late.
  const unsettled = (await services.reports.unsettledReminders(new Date('2100-01-01T00:00:00Z'))).filter((entry) => reportIds.includes(entry.reportId));
  return { ledger, sentIds, emails: ours, delivered, unsettled };
}

/** The guarantee: each obligation's reminder is in the inbox exactly once and the ledger says sent, or it is raised as unsettled and not in the inbox. */
async function expectOnceOrRaised(reportIds: string[]) {
  const account = await accountFor(reportIds);
  expect(account.ledger).toHaveLength(reportIds.length * 2);
  expect([...account.delivered.values()].every((count) => count === 1)).toBe(true);
  expect(account.emails).toHaveLength(account.sentIds.size);
  for (const entry of account.ledger) {
    if (entry.status === 'sent') expect(account.delivered.get(entry.delivery!.messageId)).toBe(1);
    else expect(account.unsettled.map((each) => `${each.reportId}/${each.bodyId}`)).toContain(`${entry.reportId}/${entry.bodyId}`);
  }
  return account;
}

const at = (day: string, time = '06:00:00Z') => new Date(`${day}T${time}`);
const always =
  (fault: ReturnType<FaultPlan>): FaultPlan =>
  () =>
    fault;

describe('reminders towards an SES that fails', () => {
  it('sends once when SES takes the email but its answer is lost: left unconfirmed, then settled by SES’s events', async () => {
    const { reportIds, remindOn } = await reportsPublished('2031-01-09', 5, 'lost answers');
    front.setFaults(always('lose-reply'));
    const first = await scanDeadlines(at(remindOn), dependencies());
    expect(first.sent).toEqual([]);
    expect(first.unconfirmed).toHaveLength(10);
    await front.settled();
    front.setFaults(always('none'));
    // The scan an hour later, and the next day's, find them sent: nothing goes twice.
    expect((await scanDeadlines(at(remindOn, '07:00:00Z'), dependencies())).sent).toEqual([]);
    expect((await scanDeadlines(at(addDays(remindOn, 1)), dependencies())).sent).toEqual([]);
    const account = await expectOnceOrRaised(reportIds);
    expect(account.emails).toHaveLength(10);
    expect(account.unsettled).toEqual([]);
    expect(account.ledger.every((entry) => entry.status === 'sent' && entry.recipients?.[`${entry.bodyId}@${DOMAIN}`]?.outcome === 'delivered')).toBe(true);
  });

  it('sends once when SES fails after taking the email, or answers only after the scan stopped waiting', async () => {
    const { reportIds, remindOn } = await reportsPublished('2031-02-06', 4, 'late answers');
    front.setFaults((index) => (index % 2 === 0 ? 'fail-after-accept' : 'slow-accept'));
    const first = await scanDeadlines(at(remindOn), dependencies());
    expect(first.unconfirmed).toHaveLength(8);
    await front.settled();
    front.setFaults(always('none'));
    expect((await scanDeadlines(at(addDays(remindOn, 1)), dependencies())).sent).toEqual([]);
    const account = await expectOnceOrRaised(reportIds);
    expect(account.emails).toHaveLength(8);
  });

  it('never sends blindly again what SES may have taken: a stalled or reset send is raised to a person, and not sent', async () => {
    const { reportIds, remindOn } = await reportsPublished('2031-03-06', 2, 'stalls');
    front.setFaults((index) => (index % 2 === 0 ? 'hang' : 'reset'));
    const first = await scanDeadlines(at(remindOn), dependencies());
    expect(first.unconfirmed).toHaveLength(4);
    front.setFaults(always('none'));
    const received = front.counts().received;
    // Later scans, that day and the days after, send none of them again.
    for (const day of [remindOn, addDays(remindOn, 1), addDays(remindOn, 2)]) {
      const later = await scanDeadlines(at(day, '08:00:00Z'), dependencies());
      expect(later.sent.filter((each) => reportIds.includes(each.reportId))).toEqual([]);
    }
    expect(front.counts().received).toBe(received);
    const account = await expectOnceOrRaised(reportIds);
    expect(account.emails).toEqual([]);
    expect(account.unsettled).toHaveLength(4);
    expect(account.unsettled.every((entry) => entry.status === 'unconfirmed')).toBe(true);
  });

  it('sends again what SES throttled, or could not be reached for a day, and only once', async () => {
    const { reportIds, remindOn } = await reportsPublished('2031-04-03', 3, 'throttled');
    front.setFaults((index) => (index < 3 ? 'throttle' : 'none'));
    const first = await scanDeadlines(at(remindOn), dependencies());
    expect(first.failed).toHaveLength(3);
    expect(first.sent).toHaveLength(3);
    expect((await scanDeadlines(at(remindOn, '06:30:00Z'), dependencies())).sent).toHaveLength(3);

    const down = await reportsPublished('2031-05-08', 2, 'down for a day');
    const closedPort = mailerTo('http://127.0.0.1:9');
    const dayDown = await scanDeadlines(at(down.remindOn), dependencies({ mailer: closedPort }));
    expect(dayDown.failed).toHaveLength(4);
    expect((await scanDeadlines(at(addDays(down.remindOn, 1)), dependencies())).sent).toHaveLength(4);
    await front.settled();
    const account = await expectOnceOrRaised([...reportIds, ...down.reportIds]);
    expect(account.emails).toHaveLength(10);
    expect(account.unsettled).toEqual([]);
  });
});

describe('reminders over a table that throttles or a scan cut short', () => {
  const tableThrough = (endpoint: string) => {
    const client = new DynamoDBClient({ endpoint });
    return { reports: new ReportsTable(client, services.tableName), directory: new DirectoryTable(client, services.tableName) };
  };

  it('sends each once when DynamoDB throttles at random, as the scan is tried again until it completes', async () => {
    const { reportIds, remindOn } = await reportsPublished('2031-06-05', 6, 'throttled table');
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const table = await startThrottlingDynamoDb({ upstream: `http://127.0.0.1:${stack.ports.dynamodb}`, throttle: () => random() < 0.2 });
    front.setFaults(always('none'));
    try {
      let attempts = 0;
      for (let errors = 1; errors > 0 && attempts < 10; attempts += 1) {
        errors = (await scanDeadlines(at(remindOn), dependencies(tableThrough(table.url)))).errors.length;
      }
      expect(attempts).toBeLessThan(10);
      expect(table.throttled()).toBeGreaterThan(0);
    } finally {
      await table.stop();
    }
    await front.settled();
    const account = await expectOnceOrRaised(reportIds);
    expect(account.emails.length + account.unsettled.length).toBe(12);
  });

  it('loses nothing and sends nothing twice when a scan is cut off mid-way and Lambda runs it again', async () => {
    const { reportIds, remindOn } = await reportsPublished('2031-07-03', 5, 'cut short');
    front.setFaults(always('none'));
    // The table stops answering part-way through the scan, as a function stopped by its timeout sees it.
    const table = await startThrottlingDynamoDb({ upstream: `http://127.0.0.1:${stack.ports.dynamodb}`, throttle: () => false, hangAfter: 12 });
    const cut = scanDeadlines(at(remindOn), dependencies(tableThrough(table.url))).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await table.stop();
    await cut;
    await front.settled();
    // Lambda's retry a minute later, then the scans that follow: what the cut scan claimed is never sent twice.
    await scanDeadlines(new Date(at(remindOn).getTime() + 60_000), dependencies());
    await scanDeadlines(new Date(at(remindOn).getTime() + 30 * 60_000), dependencies());
    await scanDeadlines(at(addDays(remindOn, 1)), dependencies());
    await front.settled();
    const account = await expectOnceOrRaised(reportIds);
    expect(account.emails.length).toBeGreaterThan(0);
    expect(account.emails.length + account.unsettled.length).toBe(10);
  });
});
