import { parseDeploymentConfiguration } from '../../shared/configuration';

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
