import { type DeploymentConfiguration, type LocalPolicingBody, parseDeploymentConfiguration } from '../../shared/configuration';
import { FORCES } from '../../shared/forces';

/** The bodies the tests' deployments serve: two named forces with their own recipients, a user for each and an administrator. */
export const TEST_CONFIGURATION = parseDeploymentConfiguration(
  {
    senderAddress: 'reminders@fiftysix.test',
    localPolicingBodies: [
      { id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: ['governance@cumbria.test', 'ceo@cumbria.test'] },
      { id: 'surrey', name: 'Surrey PCC', force: 'Surrey Police', recipients: ['policy@surrey.test'] },
    ],
    users: [
      { email: 'officer@cumbria.test', bodyIds: ['cumbria'] },
      { email: 'officer@surrey.test', bodyIds: ['surrey'] },
      { email: 'admin@fiftysix.test', bodyIds: [], admin: true },
    ],
  },
  'tests/support/test-configuration.ts',
);

/** One reminder per obligation, a week before its last day: each email in the inbox is then one ledger entry. */
export const ONE_REMINDER_A_WEEK_BEFORE: NonNullable<LocalPolicingBody['reminders']> = {
  'response-due': { daysBefore: [7], onTheDay: false, overdue: false },
  'chief-officer-comments': { daysBefore: [], onTheDay: false, overdue: false },
  'recommendation-target': { daysBefore: [], onTheDay: false, overdue: false },
};

/** A deployment serving every force's body, `body-0` to `body-42`, with the recipients and settings given. */
export function everyForceConfiguration(recipients: (index: number) => string[], reminders?: LocalPolicingBody['reminders']): DeploymentConfiguration {
  return parseDeploymentConfiguration(
    {
      senderAddress: 'reminders@fiftysix.test',
      localPolicingBodies: FORCES.map((force, index) => ({
        id: `body-${index}`,
        name: force.localPolicingBody,
        force: force.name,
        recipients: recipients(index),
        ...(reminders ? { reminders } : {}),
      })),
      users: [{ email: 'admin@fiftysix.test', bodyIds: [], admin: true }],
    },
    'every force',
  );
}
