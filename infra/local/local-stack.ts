import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { S3Event, SNSEvent } from 'aws-lambda';
import { Cron } from 'croner';
import { DirectoryTable } from '../../functions/commons/directory-table';
import { type SeedOutcome, seedDirectory } from '../../functions/commons/directory-updates';
import { DiscoveryTable } from '../../functions/commons/discovery-table';
import { DEFAULT_MAX_DOCUMENT_BYTES, handlerEnvironment } from '../../functions/commons/environment';
import { ReportsTable } from '../../functions/commons/reports-table';
import { SECONDARY_INDEXES, TABLE_LAYOUT } from '../../functions/commons/table-layout';
import { UserPool, type UserPoolSettings } from '../../functions/commons/user-pool';
import { DEADLINE_SCAN_SCHEDULE, DISCOVERY_SCHEDULE, UPLOADS_PREFIX } from '../../functions/commons/wiring';
import { discoveryEnvironment } from '../../functions/discovery/discovery-environment';
import type { DeploymentConfiguration } from '../../shared/configuration';
import type { SesEvent } from '../../shared/ses-events';
import { pageSecurityHeaders } from '../page-security';
import { type PageFiles, startAppServer } from './app-server';
import { cognitoCodeReader, deliverCognitoCode } from './cognito-messages';
import {
  assertJava,
  assertPortFree,
  freePort,
  LocalStackError,
  type RunningEmulator,
  S3RVER_CREDENTIALS,
  startCognitoLocal,
  startDynamoDbLocal,
  startS3rver,
  startSesLocal,
} from './emulators';
import { DEFAULT_LOCAL_PASSWORD, ensureLocalUserPool } from './local-user-pool';
import { startSesFront } from './ses-front';

export interface LocalPorts {
  dynamodb: number;
  s3: number;
  ses: number;
  cognito: number;
  /** The office's page and its API, on one origin as CloudFront serves them. */
  app: number;
}

export interface LocalStackOptions {
  ports: LocalPorts;
  /** Where the table, bucket and user pool are kept between runs; null keeps them in memory or a temporary folder (tests). */
  dataDirectory: string | null;
  configuration: DeploymentConfiguration;
  /** Run the deadline scan on the same schedule as in AWS. Tests invoke it themselves. */
  schedule: boolean;
  /** Every local user's password. */
  localPassword?: string;
  /** The office's page, served beside the API; without it only the API answers. */
  page?: PageFiles;
  /** Told of each handler invocation and its outcome, as Lambda's logs would show it. */
  onInvocation?: (invocation: { handler: LocalHandler; error?: Error; result?: unknown }) => void;
}

/** Where a running local stack is: what `npm start` writes for the CLI, and the tests share. */
export interface LocalStackDescription {
  ports: LocalPorts;
  inboxUrl: string;
  appUrl: string;
  apiUrl: string;
  userPool: { userPoolId: string; clientId: string };
  localPassword: string;
}

export const LOCAL_NAMES = {
  tableName: 'fiftysix-local',
  uploadsBucketName: 'fiftysix-uploads-local',
  region: 'eu-west-2',
  // SES publishes events only for email sent with a configuration set; the local stand-in does the same.
  sesConfigurationSet: 'fiftysix-local',
} as const;

/** The handlers the local stack invokes as their triggers would. */
export type LocalHandler = 'ingest' | 'deadline-scan' | 'ses-events' | 'discovery';

/** An SES event as SNS hands it to the ses-events function. */
export function snsEventOf(event: SesEvent): SNSEvent {
  const message = JSON.stringify(event);
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-2:000000000000:fiftysix-ses-events:local',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:eu-west-2:000000000000:fiftysix-ses-events',
          Subject: '',
          Message: message,
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** What a process needs to reach the local stack: the same variables a Lambda function gets, plus the SDK's endpoints. */
export function localEnvironment(stack: Omit<LocalStackDescription, 'inboxUrl' | 'apiUrl'>, configuration: DeploymentConfiguration): Record<string, string> {
  const { ports } = stack;
  const userPool: UserPoolSettings = { ...stack.userPool, fixedPassword: stack.localPassword };
  return {
    ...handlerEnvironment({
      ...LOCAL_NAMES,
      senderAddress: configuration.senderAddress,
      maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
      appUrl: configuration.appUrl ?? stack.appUrl,
      userPool,
    }),
    ...(configuration.discovery ? discoveryEnvironment(configuration.discovery) : {}),
    AWS_REGION: LOCAL_NAMES.region,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamodb}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${ports.s3}`,
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${ports.ses}`,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: `http://127.0.0.1:${ports.cognito}`,
    POWERTOOLS_SERVICE_NAME: 'fiftysix-local',
    // There is no CloudWatch to read the metrics locally: what would alarm, `npm run cli -- alerts` lists.
    POWERTOOLS_METRICS_DISABLED: 'true',
    // The pinned SDK warns that its releases from 2027 need Node 22; Lambda runs Node 24, and the warning
    // would otherwise interleave with every local command's output.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** Sets the variables in this process, so the SDK clients the handlers create find the emulators. */
export function useLocalEnvironment(stack: Omit<LocalStackDescription, 'inboxUrl' | 'apiUrl'>, configuration: DeploymentConfiguration): void {
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, localEnvironment(stack, configuration));
}

/** The adapters the local stack, the CLI and the tests use beside the handlers, on the variables set above. */
export function localAdapters(names: { tableName: string } = LOCAL_NAMES) {
  const dynamoDb = new DynamoDBClient({});
  const userPool = new UserPool(new CognitoIdentityProviderClient({}), {
    userPoolId: process.env.USER_POOL_ID ?? '',
    clientId: process.env.USER_POOL_CLIENT_ID ?? '',
    fixedPassword: process.env.LOCAL_USER_PASSWORD ?? null,
  });
  return {
    reports: new ReportsTable(dynamoDb, names.tableName),
    directory: new DirectoryTable(dynamoDb, names.tableName),
    discovery: new DiscoveryTable(dynamoDb, names.tableName),
    userPool,
    now: () => new Date(),
  };
}

/** EventBridge's `cron(min hour day month weekday year)` read by croner: seconds first, Sunday = 1, '?' allowed. */
export function scheduleFor(expression: string, timeZone: string, run: (scheduledTime: Date) => void): Cron {
  const fields = /^cron\((.+)\)$/.exec(expression)?.[1];
  if (!fields) throw new LocalStackError(`"${expression}" is not an EventBridge cron expression`);
  const job: Cron = new Cron(`0 ${fields}`, { mode: '7-part', alternativeWeekdays: true, timezone: timeZone }, () => {
    run(job.currentRun() ?? new Date());
  });
  return job;
}

/** The payload EventBridge Scheduler delivers, with its context attributes filled in. */
export function scheduledScanEvent(scheduledTime: Date): { scheduledTime: string; executionId: string } {
  return { scheduledTime: scheduledTime.toISOString().replace(/\.\d{3}Z$/, 'Z'), executionId: randomUUID() };
}

/** S3 writes keys into events URL-encoded, spaces as '+', slashes kept. */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
}

/** Asks a starting emulator until it answers; gives up when its process has exited, or after 30 s. */
async function waitFor(name: string, ask: () => Promise<unknown>, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await ask();
      return;
    } catch (error) {
      if (exited()) throw new LocalStackError(`${name} stopped as it started; its messages are above`);
      if (Date.now() > deadline) throw new LocalStackError(`${name} did not answer within 30 s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

function indexDefinition(index: (typeof SECONDARY_INDEXES)[number]) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: 'attributes' in index ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.attributes] } : { ProjectionType: 'ALL' as const },
  };
}

/**
 * The table as the CDK app makes it. A table kept from an older version of FiftySix (in .local-data)
 * is given the indexes it lacks, one at a time as DynamoDB allows, so `npm start` upgrades it in place.
 */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey } = TABLE_LAYOUT;
  const attribute = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...new Set([partitionKey, sortKey, ...SECONDARY_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey])])].map(
          attribute,
        ),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: SECONDARY_INDEXES.map(indexDefinition),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of SECONDARY_INDEXES.filter((each) => !existing.has(each.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [attribute(index.partitionKey), attribute(index.sortKey)],
          GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
        }),
      );
      await indexActive(client, tableName, index.name);
    }
  }
}

/** DynamoDB builds one new index on a table at a time: the next is asked for once this one is built. */
async function indexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 100))) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === indexName)?.IndexStatus === 'ACTIVE') return;
  }
  throw new Error(`The index ${indexName} on ${tableName} was not built within a minute: try again, or stop the stack and delete .local-data to start afresh`);
}

/** The uploads bucket, which the office's page uploads to straight from the browser through presigned links. */
export async function createBucket(client: S3Client, bucket: string, pageOrigin?: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
  if (pageOrigin) {
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: [pageOrigin], AllowedMethods: ['PUT'], AllowedHeaders: ['*'], MaxAgeSeconds: 3000 }] },
      }),
    );
  }
}

export interface LocalStack extends LocalStackDescription {
  /** Runs the deadline scan as the schedule would at the given moment. */
  runScheduledScan(scheduledTime: Date): Promise<unknown>;
  /** Resolves when every ingestion started so far has finished. */
  settled(): Promise<void>;
  /** What bringing the bodies and users in line with the configuration changed at start. */
  seeded: SeedOutcome;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local, s3rver, aws-ses-v2-local and cognito-local, creates the table, bucket and user
 * pool, brings the stored bodies and users in line with the configuration (as a deploy does), and wires
 * S3 events to the ingest handler, the schedule to the deadline-scan handler and an HTTP server to the
 * API handler, from the same definitions the CDK app uses.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { ports, dataDirectory, configuration } = options;
  assertJava();
  await assertPortFree(ports.dynamodb, 'DynamoDB Local', 'FIFTYSIX_DYNAMODB_PORT');
  await assertPortFree(ports.s3, 'the S3 emulator (s3rver)', 'FIFTYSIX_S3_PORT');
  await assertPortFree(ports.ses, 'the SES emulator (aws-ses-v2-local)', 'FIFTYSIX_SES_PORT');
  await assertPortFree(ports.cognito, 'the Cognito emulator (cognito-local)', 'FIFTYSIX_COGNITO_PORT');
  await assertPortFree(ports.app, 'the office’s page and API', 'FIFTYSIX_APP_PORT');
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const localPassword = options.localPassword ?? DEFAULT_LOCAL_PASSWORD;
  // The emulators' endpoints first: the user pool's ids are only known once cognito-local has made it.
  useLocalEnvironment({ ports, appUrl, localPassword, userPool: { userPoolId: '', clientId: '' } }, configuration);

  const running: RunningEmulator[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.reverse().map((emulator) => emulator.stop()));
  };
  try {
    const scratch = join(process.env.TMPDIR ?? '/tmp', `fiftysix-${randomUUID()}`);
    const s3Directory = join(dataDirectory ?? scratch, 's3');
    const cognitoDirectory = join(dataDirectory ?? scratch, 'cognito');
    const dynamoDirectory = dataDirectory ? join(dataDirectory, 'dynamodb') : null;
    for (const directory of [s3Directory, cognitoDirectory, dynamoDirectory]) if (directory) mkdirSync(directory, { recursive: true });

    const dynamoDb = startDynamoDbLocal(ports.dynamodb, dynamoDirectory);
    running.push(dynamoDb);
    // What Cognito would email (a forgotten password's code) goes to the local inbox instead.
    const ses = new SESv2Client({});
    const cognito = startCognitoLocal(
      ports.cognito,
      cognitoDirectory,
      cognitoCodeReader((code) => {
        deliverCognitoCode(ses, configuration.senderAddress, code).catch((error: Error) =>
          process.stderr.write(`The local inbox did not take a Cognito code: ${error.message}\n`),
        );
      }),
    );
    running.push(cognito);
    const s3 = await startS3rver(ports.s3, s3Directory, dataDirectory !== null);
    running.push(s3);
    // aws-ses-v2-local keeps the mail; the stand-in in front of it, where the SDK and the inbox's reader go, publishes SES's events.
    const sesEmulatorPort = await freePort();
    running.push(await startSesLocal(sesEmulatorPort));
    let onSesEvent: (event: SesEvent) => Promise<unknown> = async () => {};
    const sesFront = await startSesFront({ upstream: `http://127.0.0.1:${sesEmulatorPort}`, port: ports.ses, onEvent: (event) => onSesEvent(event) });
    running.push(sesFront);

    const dynamoDbClient = new DynamoDBClient({});
    const cognitoClient = new CognitoIdentityProviderClient({});
    await waitFor(
      'DynamoDB Local',
      () => dynamoDbClient.send(new ListTablesCommand({})),
      () => dynamoDb.process.exitCode !== null,
    );
    await waitFor(
      'cognito-local',
      () => cognitoClient.send(new ListUserPoolsCommand({ MaxResults: 1 })),
      () => cognito.process.exitCode !== null,
    );
    await createTable(dynamoDbClient, LOCAL_NAMES.tableName);
    await createBucket(new S3Client({}), LOCAL_NAMES.uploadsBucketName, appUrl);
    const userPool = await ensureLocalUserPool(cognitoClient);
    const description: LocalStackDescription = { ports, inboxUrl: `http://127.0.0.1:${ports.ses}/`, appUrl, apiUrl: `${appUrl}/api`, userPool, localPassword };
    useLocalEnvironment(description, configuration);

    // Brought in line before any handler runs, as a deploy's seed runs before the stack is used.
    const seeded = await seedDirectory(localAdapters(), configuration);

    // Imported only now: each handler builds its SDK clients at cold start from the variables set above.
    const ingest = await import('../../functions/ingest/handler');
    const deadlineScan = await import('../../functions/deadline-scan/handler');
    const api = await import('../../functions/api/handler');
    const sesEvents = await import('../../functions/ses-events/handler');

    const inFlight = new Set<Promise<unknown>>();
    const invoke = (handler: LocalHandler, run: () => Promise<unknown>) => {
      const invocation = run().then(
        (result) => options.onInvocation?.({ handler, result }),
        (error: Error) => options.onInvocation?.({ handler, error }),
      );
      inFlight.add(invocation);
      void invocation.finally(() => inFlight.delete(invocation));
      return invocation;
    };

    onSesEvent = (event) => invoke('ses-events', () => sesEvents.handler(snsEventOf(event)));

    (s3.server as unknown as EventEmitter).on('event', (event: S3Event) => {
      // The same filter the bucket notification applies in AWS: this bucket, objects created, under the prefix.
      const records = event.Records.filter(
        (record) =>
          record.s3.bucket.name === LOCAL_NAMES.uploadsBucketName &&
          record.eventName.startsWith('ObjectCreated:') &&
          record.s3.object.key.startsWith(UPLOADS_PREFIX),
      ).map((record) => ({ ...record, s3: { ...record.s3, object: { ...record.s3.object, key: encodeEventKey(record.s3.object.key) } } }));
      if (records.length > 0) void invoke('ingest', () => ingest.handler({ Records: records }));
    });

    const securityHeaders = pageSecurityHeaders(`http://127.0.0.1:${ports.s3}`);
    running.push(await startAppServer(ports.app, api.handler, options.page ?? (async () => null), securityHeaders));

    const schedule = options.schedule
      ? scheduleFor(DEADLINE_SCAN_SCHEDULE.expression, DEADLINE_SCAN_SCHEDULE.timeZone, (scheduledTime) => {
          void invoke('deadline-scan', () => deadlineScan.handler(scheduledScanEvent(scheduledTime)));
        })
      : null;
    // Discovery runs only where sources are configured, as the CDK app deploys it only then.
    const discovery = options.schedule && configuration.discovery ? await import('../../functions/discovery/handler') : null;
    const discoverySchedule = discovery
      ? scheduleFor(DISCOVERY_SCHEDULE.expression, DISCOVERY_SCHEDULE.timeZone, (scheduledTime) => {
          void invoke('discovery', () => discovery.handler(scheduledScanEvent(scheduledTime)));
        })
      : null;

    return {
      ...description,
      seeded,
      runScheduledScan: (scheduledTime) => deadlineScan.handler(scheduledScanEvent(scheduledTime)),
      settled: async () => {
        // SES's events for the email a scan sent start invocations of their own, which are waited for too.
        do {
          await sesFront.settled();
          await Promise.allSettled([...inFlight]);
        } while (inFlight.size > 0);
      },
      stop: async () => {
        schedule?.stop();
        discoverySchedule?.stop();
        await Promise.allSettled([...inFlight]);
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
