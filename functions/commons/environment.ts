import * as z from 'zod/mini';
import { ConfigurationError } from '../../shared/configuration';
import type { UserPoolSettings } from './user-pool';

/** The environment every handler reads at cold start; the CDK app and the local stack both build it with `handlerEnvironment`. */
export interface HandlerEnvironment {
  tableName: string;
  uploadsBucketName: string;
  /** The verified SES identity reminders are sent from. */
  senderAddress: string;
  /** Uploads larger than this are recorded as failed without being read. */
  maxDocumentBytes: number;
  /**
   * Where the office's page is, for the links in reminders. The API, which cannot be told its own
   * address without a loop in the stack, takes it from each request when this is absent.
   */
  appUrl: string | null;
  /** The Cognito user pool people sign in with; null for the functions that need none. */
  userPool: UserPoolSettings | null;
  /** The SES configuration set whose events settle the ledger; null where there is none (locally). */
  sesConfigurationSet: string | null;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export function handlerEnvironment(environment: HandlerEnvironment): Record<string, string> {
  return {
    TABLE_NAME: environment.tableName,
    UPLOADS_BUCKET_NAME: environment.uploadsBucketName,
    SENDER_ADDRESS: environment.senderAddress,
    MAX_DOCUMENT_BYTES: String(environment.maxDocumentBytes),
    ...(environment.appUrl ? { APP_URL: environment.appUrl } : {}),
    ...(environment.sesConfigurationSet ? { SES_CONFIGURATION_SET: environment.sesConfigurationSet } : {}),
    ...(environment.userPool
      ? {
          USER_POOL_ID: environment.userPool.userPoolId,
          USER_POOL_CLIENT_ID: environment.userPool.clientId,
          ...(environment.userPool.fixedPassword ? { LOCAL_USER_PASSWORD: environment.userPool.fixedPassword } : {}),
        }
      : {}),
  };
}

const variablesSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  UPLOADS_BUCKET_NAME: z.string().check(z.minLength(1)),
  SENDER_ADDRESS: z.email('must be the email address reminders are sent from'),
  MAX_DOCUMENT_BYTES: z.optional(z.string().check(z.regex(/^\d+$/, 'must be a whole number of bytes'))),
  APP_URL: z.optional(z.url({ protocol: /^https?$/, error: 'must be the address of the office’s page' })),
  USER_POOL_ID: z.optional(z.string().check(z.minLength(1))),
  USER_POOL_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
  LOCAL_USER_PASSWORD: z.optional(z.string().check(z.minLength(8, 'must be at least 8 characters'))),
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
});

/** Reads and validates the handler's environment, naming each variable that is missing or wrong. */
export function readHandlerEnvironment(variables: NodeJS.ProcessEnv = process.env): HandlerEnvironment {
  const source = 'The function’s environment variables';
  const parsed = variablesSchema.safeParse(variables);
  if (!parsed.success) {
    throw new ConfigurationError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const { USER_POOL_ID, USER_POOL_CLIENT_ID } = parsed.data;
  if (Boolean(USER_POOL_ID) !== Boolean(USER_POOL_CLIENT_ID)) {
    throw new ConfigurationError(source, ['USER_POOL_ID and USER_POOL_CLIENT_ID: give both, or neither']);
  }
  return {
    tableName: parsed.data.TABLE_NAME,
    uploadsBucketName: parsed.data.UPLOADS_BUCKET_NAME,
    senderAddress: parsed.data.SENDER_ADDRESS,
    maxDocumentBytes: Number(parsed.data.MAX_DOCUMENT_BYTES ?? DEFAULT_MAX_DOCUMENT_BYTES),
    appUrl: parsed.data.APP_URL?.replace(/\/+$/, '') ?? null,
    sesConfigurationSet: parsed.data.SES_CONFIGURATION_SET ?? null,
    userPool:
      USER_POOL_ID && USER_POOL_CLIENT_ID
        ? { userPoolId: USER_POOL_ID, clientId: USER_POOL_CLIENT_ID, fixedPassword: parsed.data.LOCAL_USER_PASSWORD ?? null }
        : null,
  };
}

/** The user pool, for a function that cannot work without one. */
export function requireUserPool(environment: HandlerEnvironment): UserPoolSettings {
  if (!environment.userPool)
    throw new ConfigurationError('The function’s environment variables', [
      'USER_POOL_ID and USER_POOL_CLIENT_ID: this function signs people in and needs both',
    ]);
  return environment.userPool;
}
