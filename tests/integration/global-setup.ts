import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/emulators';
import { type LocalPorts, startLocalStack } from '../../infra/local/local-stack';
import { TEST_CONFIGURATION } from '../support/test-configuration';

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: { ports: LocalPorts; inboxUrl: string };
  }
}

/**
 * One local stack for the integration tests, on free ports so it never meets a running `npm start`,
 * with its data in memory. S3 events reach the ingest handler here, as the bucket notification would.
 */
export default async function setup(project: TestProject) {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const ports: LocalPorts = { dynamodb: await freePort(), s3: await freePort(), ses: await freePort() };
  const stack = await startLocalStack({ ports, dataDirectory: null, configuration: TEST_CONFIGURATION, schedule: false });
  project.provide('localStack', { ports, inboxUrl: stack.inboxUrl });
  return () => stack.stop();
}
