import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GroupExistsException,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ADMINISTRATORS_GROUP } from '../../functions/commons/user-pool';
import { USER_POOL_CLIENT } from '../user-pool-settings';

/** The local pool's name: found again by it when `npm start` runs on kept data. */
const LOCAL_POOL_NAME = 'fiftysix-local';

/** Every local user's password, unless FIFTYSIX_LOCAL_PASSWORD says another: documented in the README. */
export const DEFAULT_LOCAL_PASSWORD = 'FiftySix-local-1';

/**
 * The user pool on cognito-local, as the CDK app makes it in AWS: users sign in with their email, the
 * web client allows USER_PASSWORD_AUTH, and an administrators group. Made once; found again after.
 */
export async function ensureLocalUserPool(client: CognitoIdentityProviderClient): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const userPoolId =
    pools.UserPools?.find((pool) => pool.Name === LOCAL_POOL_NAME)?.Id ??
    (await client.send(new CreateUserPoolCommand({ PoolName: LOCAL_POOL_NAME, UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] }))).UserPool
      ?.Id;
  if (!userPoolId) throw new Error('cognito-local made no user pool');
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const clientId =
    clients.UserPoolClients?.find((each) => each.ClientName === USER_POOL_CLIENT.name)?.ClientId ??
    (
      await client.send(
        new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: USER_POOL_CLIENT.name, ExplicitAuthFlows: [...USER_POOL_CLIENT.authFlows] }),
      )
    ).UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local made no user pool client');
  try {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: ADMINISTRATORS_GROUP, Description: 'See and change everything' }));
  } catch (error) {
    if (!(error instanceof GroupExistsException) && (error as Error).name !== 'GroupExistsException') throw error;
  }
  return { userPoolId, clientId };
}
