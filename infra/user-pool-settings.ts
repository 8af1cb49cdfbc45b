/** The user pool's app client, as the CDK app and the local stack both make it. */
export const USER_POOL_CLIENT = {
  name: 'fiftysix-web',
  /** The API signs people in with their password; refresh keeps a session going without asking again. */
  authFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
} as const;
