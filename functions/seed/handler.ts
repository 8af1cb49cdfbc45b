import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { parseDeploymentConfiguration } from '../../shared/configuration';
import { DirectoryTable } from '../commons/directory-table';
import { seedDirectory } from '../commons/directory-updates';
import { readHandlerEnvironment, requireUserPool } from '../commons/environment';
import { logger } from '../commons/logger';
import { ReportsTable } from '../commons/reports-table';
import { UserPool } from '../commons/user-pool';
import { SEED_PROPERTY } from './seed-property';

const environment = readHandlerEnvironment();
const dynamoDb = new DynamoDBClient({});
const dependencies = {
  reports: new ReportsTable(dynamoDb, environment.tableName),
  directory: new DirectoryTable(dynamoDb, environment.tableName),
  userPool: new UserPool(new CognitoIdentityProviderClient({}), requireUserPool(environment)),
  now: () => new Date(),
};

const eventSchema = z.object({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResourceProperties: z.object({ [SEED_PROPERTY]: z.string() }),
});

/**
 * A CloudFormation custom resource, run by CDK's provider framework at each deploy whose configuration
 * changed: brings the stored bodies and users in line with fiftysix.config.json. Deleting the stack
 * deletes nothing: the table outlives it, with every body and user in it.
 */
export async function handler(event: CloudFormationCustomResourceEvent): Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }> {
  const { RequestType, ResourceProperties } = eventSchema.parse(event);
  const PhysicalResourceId = 'fiftysix-directory-seed';
  if (RequestType === 'Delete') return { PhysicalResourceId };
  const configuration = parseDeploymentConfiguration(JSON.parse(ResourceProperties[SEED_PROPERTY]), 'The configuration deployed with the stack');
  const outcome = await seedDirectory(dependencies, configuration);
  logger.info('Bodies and users brought in line with the configuration', { ...outcome });
  return { PhysicalResourceId, Data: { reportsFollowed: String(outcome.reportsFollowed) } };
}
