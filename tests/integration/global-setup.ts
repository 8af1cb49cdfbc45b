import type { TestProject } from 'vitest/node';
import { servedPage } from '../../infra/local/app-server';
import { freePort } from '../../infra/local/emulators';
import { type LocalStackDescription, startLocalStack } from '../../infra/local/local-stack';
import { buildWebAssets } from '../../web/build';
import { TEST_CONFIGURATION } from '../support/test-configuration';

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: LocalStackDescription;
  }
}

/**
 * One local stack for the integration tests, on free ports so it never meets a running `npm start`,
 * with its data in memory. S3 events reach the ingest handler here, as the bucket notification would.
 */
export default async function setup(project: TestProject) {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const ports = { dynamodb: await freePort(), s3: await freePort(), ses: await freePort(), cognito: await freePort(), app: await freePort() };
  const stack = await startLocalStack({ ports, dataDirectory: null, configuration: TEST_CONFIGURATION, schedule: false, page: servedPage(buildWebAssets()) });
  const { inboxUrl, appUrl, apiUrl, userPool, localPassword } = stack;
  project.provide('localStack', { ports, inboxUrl, appUrl, apiUrl, userPool, localPassword });
  return () => stack.stop();
}
