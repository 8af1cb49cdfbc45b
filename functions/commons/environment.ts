import * as z from 'zod/mini';
import { ConfigurationError, type DeploymentConfiguration, parseDeploymentConfiguration } from '../../shared/configuration';

/** The environment every handler reads at cold start; the CDK app and the local stack both build it with `handlerEnvironment`. */
export interface HandlerEnvironment {
  tableName: string;
  uploadsBucketName: string;
  configuration: DeploymentConfiguration;
  /** Uploads larger than this are recorded as failed without being read. */
  maxDocumentBytes: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export function handlerEnvironment(environment: HandlerEnvironment): Record<string, string> {
  return {
    TABLE_NAME: environment.tableName,
    UPLOADS_BUCKET_NAME: environment.uploadsBucketName,
    SENDER_ADDRESS: environment.configuration.senderAddress,
    LOCAL_POLICING_BODIES: JSON.stringify(environment.configuration.localPolicingBodies),
    MAX_DOCUMENT_BYTES: String(environment.maxDocumentBytes),
  };
}

const variablesSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  UPLOADS_BUCKET_NAME: z.string().check(z.minLength(1)),
  SENDER_ADDRESS: z.string(),
  LOCAL_POLICING_BODIES: z.string(),
  MAX_DOCUMENT_BYTES: z.optional(z.string().check(z.regex(/^\d+$/, 'must be a whole number of bytes'))),
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
  let bodies: unknown;
  try {
    bodies = JSON.parse(parsed.data.LOCAL_POLICING_BODIES);
  } catch {
    throw new ConfigurationError(source, ['LOCAL_POLICING_BODIES: must be the JSON list of local policing bodies']);
  }
  return {
    tableName: parsed.data.TABLE_NAME,
    uploadsBucketName: parsed.data.UPLOADS_BUCKET_NAME,
    configuration: parseDeploymentConfiguration({ senderAddress: parsed.data.SENDER_ADDRESS, localPolicingBodies: bodies }, source),
    maxDocumentBytes: Number(parsed.data.MAX_DOCUMENT_BYTES ?? DEFAULT_MAX_DOCUMENT_BYTES),
  };
}
