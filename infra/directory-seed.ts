import { CustomResource, Duration, Validations } from 'aws-cdk-lib';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { TABLE_LAYOUT } from '../functions/commons/table-layout';
import { HANDLER_ENTRIES } from '../functions/commons/wiring';
import { SEED_PROPERTY } from '../functions/seed/seed-property';
import type { DeploymentConfiguration } from '../shared/configuration';
import { grantTableAccess } from './access';
import type { Storage } from './fiftysix-stack';
import { acknowledgeWildcards, underArn } from './nag';
import type { Users } from './office-api';
import { ProjectFunction } from './project-function';

interface DirectorySeedProps {
  storage: Storage;
  users: Users;
  environment: Record<string, string>;
  configuration: DeploymentConfiguration;
}

/**
 * Brings the stored bodies and users in line with fiftysix.config.json at each deploy that changes it:
 * a custom resource whose properties are the file's bodies and users, handled by the seed function.
 * Bodies the file no longer lists are retired, users removed; nothing is deleted, whatever happens to
 * the stack.
 */
export class DirectorySeed extends Construct {
  readonly function: ProjectFunction;

  constructor(scope: Construct, id: string, { storage, users, environment, configuration }: DirectorySeedProps) {
    super(scope, id);
    this.function = new ProjectFunction(this, 'Seed', {
      entry: HANDLER_ENTRIES.seed,
      description: 'Brings the stored local policing bodies and users in line with the configuration file',
      memorySize: 512,
      // Adding a body reads every report it may owe; five minutes is ample for a few hundred.
      timeout: Duration.minutes(5),
      environment,
      asynchronous: false,
    });
    const seed = this.function.function;
    // Reads and writes the bodies and users with their audit events; follows a body's changes through
    // its obligations and the reports it may owe, read from their indexes. Its transactions put whole
    // reports, never only their version, so it updates nothing in place.
    grantTableAccess(seed, storage.table, {
      items: ['GetItem', 'Query', 'PutItem'],
      indexes: [TABLE_LAYOUT.obligationsByBodyIndex.name, TABLE_LAYOUT.reportsByLastDayIndex.name],
    });
    users.grantAdministration(seed);

    const provider = new Provider(this, 'Provider', { onEventHandler: seed });
    const { senderAddress, appUrl, localPolicingBodies, users: people } = configuration;
    const directory = new CustomResource(this, 'Directory', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::FiftySixDirectory',
      properties: { [SEED_PROPERTY]: JSON.stringify({ senderAddress, appUrl, localPolicingBodies, users: people }) },
    });
    // The seed puts administrators in their group, which must exist first.
    directory.node.addDependency(users.administrators);
    // The provider framework's own function is CDK's, with its own role.
    acknowledgeWildcards(provider, {
      [`Resource::${underArn(seed, ':*')}`]: 'CDK’s provider framework may invoke the seed function’s versions and aliases; no other function',
    });
    Validations.of(provider).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK’s provider framework function writes its logs with the basic execution role and offers no way to replace it; it only relays CloudFormation’s request to the seed function',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'CDK chooses the provider framework function’s runtime, and updates it with CDK',
      },
    );
  }
}
