import { beforeAll, describe, expect, it } from 'vitest';
import { addBody, DirectoryChangeRefusedError, seedDirectory } from '../../functions/commons/directory-updates';
import { scheduledScanEvent } from '../../infra/local/local-stack';
import { addDays } from '../../shared/calendar-date';
import { MAX_SERVED_BODIES, parseDeploymentConfiguration } from '../../shared/configuration';
import { FORCES } from '../../shared/forces';
import { useIsolatedServices } from '../support/local-services';
import { everyForceConfiguration } from '../support/test-configuration';

/** Every force's body, with ten recipients each: more than the functions' environment could ever have held. */
const everyForce = everyForceConfiguration((index) => Array.from({ length: 10 }, (_, recipient) => `recipient-${recipient}@body-${index}.test`));

const NATIONAL = [
  'Vetting and misconduct: an inspection of how well forces protect the public',
  'An inspection of all police forces in England and Wales by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).',
  '',
  'Recommendation 1',
  'By March 2031, all forces should make sure they vet every officer again.',
].join('\n');

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let ingest: typeof import('../../functions/ingest/handler');
let scan: typeof import('../../functions/deadline-scan/handler');

beforeAll(async () => {
  services = await useIsolatedServices('forces', everyForce);
  ingest = await import('../../functions/ingest/handler');
  scan = await import('../../functions/deadline-scan/handler');
  await services.clearOutbox();
});

describe('43 bodies with ten recipients each, locally', () => {
  it('stores them all, gives each an obligation for a national report, and emails each office’s ten people once', async () => {
    expect(await services.directory.listBodies()).toHaveLength(43);
    const published = '2030-03-07';
    const [outcome] = await ingest.handler(await services.upload('uploads/national.txt', NATIONAL, published));
    expect(outcome).toMatchObject({ status: 'ingested' });
    expect(outcome!.owedBy).toHaveLength(43);

    const result = await scan.handler(scheduledScanEvent(new Date(`${addDays(published, 55 - 14)}T06:00:00Z`)));
    expect(result.failed).toEqual([]);
    const sent = result.sent.filter((reminder) => reminder.reportId === outcome!.reportId && reminder.stage === 'due-in-14-days');
    expect(sent).toHaveLength(43);
    const outbox = await services.outbox();
    expect(outbox.filter((email) => email.subject.startsWith('14 days left'))).toHaveLength(43);
    expect(outbox.every((email) => email.to.length === 10)).toBe(true);
  });

  it('retires the body a later configuration no longer lists, closing its obligations, and changes nothing else', async () => {
    const outcome = await seedDirectory(services, { ...everyForce, localPolicingBodies: everyForce.localPolicingBodies.slice(1) });
    expect(outcome.bodies).toEqual({ added: [], changed: [], retired: ['body-0'] });
    const obligations = await services.reports.obligationsOfBody('body-0');
    expect(obligations).toEqual([
      expect.objectContaining({ closure: expect.objectContaining({ kind: 'retired', reason: 'The body was retired: Removed from the configuration file' }) }),
    ]);
    expect(obligations[0]?.nextReminderOn).toBeNull();
    expect((await services.reports.obligationsOfBody('body-1'))[0]?.closure).toBeNull();
    expect((await seedDirectory(services, { ...everyForce, localPolicingBodies: everyForce.localPolicingBodies.slice(1) })).reportsFollowed).toBe(0);
  });

  it(`serves up to ${MAX_SERVED_BODIES} bodies: a national report is stored with an obligation for each, and one more body is refused with a reason`, async () => {
    const twice = FORCES.flatMap((force, index) =>
      ['pcc', 'panel'].map((role) => ({
        id: `${role}-${index}`,
        name: `${force.localPolicingBody} (${role})`,
        force: force.name,
        recipients: [`${role}@body-${index}.test`],
      })),
    );
    const most = [...twice, ...twice.slice(0, MAX_SERVED_BODIES - twice.length).map((body) => ({ ...body, id: `${body.id}-again` }))];
    await seedDirectory(services, parseDeploymentConfiguration({ ...everyForce, localPolicingBodies: most }, 'the most bodies'));
    expect((await services.directory.listBodies()).filter((body) => !body.retired)).toHaveLength(MAX_SERVED_BODIES);

    const [outcome] = await ingest.handler(await services.upload('uploads/national-again.txt', NATIONAL.replace('2031', '2032'), '2030-06-03'));
    expect(outcome).toMatchObject({ status: 'ingested' });
    expect(outcome!.owedBy).toHaveLength(MAX_SERVED_BODIES);
    const admin = { actor: 'admin@fiftysix.test', bodyIds: [], admin: true };
    const another = { id: 'one-too-many', name: 'One too many', force: 'Kent Police', recipients: ['office@one-too-many.test'] };
    await expect(addBody(services, admin, another)).rejects.toThrow(DirectoryChangeRefusedError);
    await expect(addBody(services, admin, another)).rejects.toThrow(`already serves ${MAX_SERVED_BODIES} bodies`);
    expect(await services.directory.getBody('one-too-many')).toBeNull();
  });
});
