/**
 * `npm start`: the whole pipeline on this machine, on AWS's DynamoDB Local, s3rver and
 * aws-ses-v2-local, wired as the CDK app wires it in AWS. Ctrl-C stops it; the data stays.
 */

import { alertLines, operatorAlerts } from '../../functions/commons/operator-alerts';
import { DEADLINE_SCAN_SCHEDULE, DISCOVERY_SCHEDULE, UPLOADS_PREFIX } from '../../functions/commons/wiring';
import { ConfigurationError } from '../../shared/configuration';
import { buildWebAssets } from '../../web/build';
import { configurationPath, loadDeploymentConfiguration } from '../configuration-file';
import { servedPage } from './app-server';
import { LocalStackError } from './emulators';
import { LOCAL_NAMES, type LocalPorts, localAdapters, startLocalStack } from './local-stack';
import { LOCAL_DATA_DIRECTORY, removeStackFile, writeStackFile } from './stack-file';

function portFrom(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LocalStackError(`${variable}="${value}" is not a port number (1–65535)`);
  return port;
}

/** What the stack's alarms would be raising, printed where the person running it looks. */
async function printAlerts(): Promise<void> {
  try {
    const lines = alertLines(await operatorAlerts(localAdapters(), new Date()));
    if (lines.length > 0) process.stdout.write(['What the alarms would raise in AWS:', ...lines.map((line) => `  ! ${line}`), ''].join('\n'));
  } catch (error) {
    process.stderr.write(`The alerts could not be read: ${(error as Error).message}\n`);
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const configuration = loadDeploymentConfiguration();
  const ports: LocalPorts = {
    dynamodb: portFrom('FIFTYSIX_DYNAMODB_PORT', 8000),
    s3: portFrom('FIFTYSIX_S3_PORT', 4569),
    ses: portFrom('FIFTYSIX_SES_PORT', 8005),
    cognito: portFrom('FIFTYSIX_COGNITO_PORT', 9229),
    app: portFrom('FIFTYSIX_APP_PORT', 5656),
  };
  const stack = await startLocalStack({
    ports,
    dataDirectory: LOCAL_DATA_DIRECTORY,
    configuration,
    schedule: true,
    page: servedPage(buildWebAssets()),
    localPassword: process.env.FIFTYSIX_LOCAL_PASSWORD,
    onInvocation: ({ handler, error }) => {
      if (error) process.stderr.write(`${handler} handler failed: ${error.message}\n`);
      // After each morning scan, what the alarms would raise in AWS.
      if (handler === 'deadline-scan') void printAlerts();
    },
  });
  const { inboxUrl, appUrl, apiUrl, userPool, localPassword, seeded } = stack;
  writeStackFile({ ports, inboxUrl, appUrl, apiUrl, userPool, localPassword, pid: process.pid });

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const changed = (added: string[], changedIds: string[], gone: string[]) =>
    [added.length && `${added.length} added`, changedIds.length && `${changedIds.length} changed`, gone.length && `${gone.length} retired`]
      .filter(Boolean)
      .join(', ') || 'unchanged';
  process.stdout.write(
    [
      '',
      `FiftySix is running locally (started in ${seconds} s). Ctrl-C stops it; data is kept in ${LOCAL_DATA_DIRECTORY}.`,
      '',
      `  The office’s page:            ${appUrl}   (sign in as a user below)`,
      `  API:                          ${apiUrl}`,
      `  Inbox (every reminder sent):  ${inboxUrl}`,
      `  Configuration:                ${configurationPath()}: ${configuration.localPolicingBodies.length} bodies (${changed(seeded.bodies.added, seeded.bodies.changed, seeded.bodies.retired)}), ${configuration.users.length} users (${changed(seeded.users.added, seeded.users.changed, seeded.users.removed)})`,
      `  Sign in as any of its users with the password ${localPassword}${process.env.FIFTYSIX_LOCAL_PASSWORD ? ' (FIFTYSIX_LOCAL_PASSWORD)' : ''}:`,
      ...configuration.users.map((user) => `    ${user.email} (${user.admin ? 'administrator' : user.bodyIds.join(', ')})`),
      `  Deadline scan:                ${DEADLINE_SCAN_SCHEDULE.expression} ${DEADLINE_SCAN_SCHEDULE.timeZone}`,
      configuration.discovery
        ? `  Discovery:                    ${DISCOVERY_SCHEDULE.expression} ${DISCOVERY_SCHEDULE.timeZone}, ${configuration.discovery.sources.length} sources (npm run --silent cli -- discover runs it now)`
        : '  Discovery:                    off (no "discovery" sources in the configuration)',
      '',
      '  Upload a report, from another terminal:',
      '    npm run --silent cli -- ingest path/to/report.pdf --published 2024-03-07',
      `    or: AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url http://127.0.0.1:${ports.s3} \\`,
      `          s3 cp report.pdf s3://${LOCAL_NAMES.uploadsBucketName}/${UPLOADS_PREFIX} --metadata published-on=2024-03-07`,
      '  Run the deadline scan as at a moment:',
      '    npm run --silent cli -- scan --at 2024-04-17T09:00:00+01:00',
      '  See what was sent:',
      '    npm run --silent cli -- outbox',
      '  What the alarms would raise in AWS:',
      '    npm run --silent cli -- alerts',
      '',
    ].join('\n'),
  );
  await printAlerts();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the local stack…\n`);
    removeStackFile();
    await stack.stop();
    process.stdout.write('Stopped. Data kept for next time.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl-C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError || error instanceof LocalStackError) {
    process.stderr.write(`Cannot start FiftySix locally.\n${error.message}\n`);
  } else {
    process.stderr.write(`Cannot start FiftySix locally: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
