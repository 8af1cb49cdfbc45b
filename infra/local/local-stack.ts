import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { Cron } from 'croner';
import { DEFAULT_MAX_DOCUMENT_BYTES, handlerEnvironment } from '../../functions/commons/environment';
import { TABLE_LAYOUT } from '../../functions/commons/table-layout';
import { DEADLINE_SCAN_SCHEDULE, UPLOADS_PREFIX } from '../../functions/commons/wiring';
import type { DeploymentConfiguration } from '../../shared/configuration';
import {
  assertJava,
  assertPortFree,
  LocalStackError,
  type RunningEmulator,
  S3RVER_CREDENTIALS,
  startDynamoDbLocal,
  startS3rver,
  startSesLocal,
} from './emulators';

export interface LocalPorts {
  dynamodb: number;
  s3: number;
  ses: number;
}

export interface LocalStackOptions {
  ports: LocalPorts;
  /** Where the table and bucket are kept between runs; null keeps them in memory (tests). */
  dataDirectory: string | null;
  configuration: DeploymentConfiguration;
  /** Run the deadline scan on the same schedule as in AWS. Tests invoke it themselves. */
  schedule: boolean;
  /** Told of each handler invocation and its outcome, as Lambda's logs would show it. */
  onInvocation?: (invocation: { handler: 'ingest' | 'deadline-scan'; error?: Error; result?: unknown }) => void;
}

export const LOCAL_NAMES = { tableName: 'fiftysix-local', uploadsBucketName: 'fiftysix-uploads-local', region: 'eu-west-2' } as const;

/** What a process needs to reach the local stack: the same variables a Lambda function gets, plus the SDK's endpoints. */
export function localEnvironment(ports: LocalPorts, configuration: DeploymentConfiguration): Record<string, string> {
  return {
    ...handlerEnvironment({ ...LOCAL_NAMES, configuration, maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES }),
    AWS_REGION: LOCAL_NAMES.region,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamodb}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${ports.s3}`,
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${ports.ses}`,
    POWERTOOLS_SERVICE_NAME: 'fiftysix-local',
    // The pinned SDK warns that its releases from 2027 need Node 22; Lambda runs Node 24, and the warning
    // would otherwise interleave with every local command's output.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** Sets the variables in this process, so the SDK clients the handlers create find the emulators. */
export function useLocalEnvironment(ports: LocalPorts, configuration: DeploymentConfiguration): void {
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, localEnvironment(ports, configuration));
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

async function waitForDynamoDb(client: DynamoDBClient, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (exited()) throw new LocalStackError('DynamoDB Local stopped as it started; its messages are above');
      if (Date.now() > deadline) throw new LocalStackError(`DynamoDB Local did not answer within 30 s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, remindersDueIndex } = TABLE_LAYOUT;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [partitionKey, sortKey, remindersDueIndex.partitionKey, remindersDueIndex.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: remindersDueIndex.name,
            KeySchema: [
              { AttributeName: remindersDueIndex.partitionKey, KeyType: 'HASH' },
              { AttributeName: remindersDueIndex.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

export async function createBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
}

export interface LocalStack {
  ports: LocalPorts;
  inboxUrl: string;
  /** Runs the deadline scan as the schedule would at the given moment. */
  runScheduledScan(scheduledTime: Date): Promise<unknown>;
  /** Resolves when every ingestion started so far has finished. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local, s3rver and aws-ses-v2-local, creates the table and bucket, and wires S3
 * events to the ingest handler and the schedule to the deadline-scan handler, from the same
 * definitions the CDK app uses.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { ports, dataDirectory, configuration } = options;
  assertJava();
  await assertPortFree(ports.dynamodb, 'DynamoDB Local', 'FIFTYSIX_DYNAMODB_PORT');
  await assertPortFree(ports.s3, 'the S3 emulator (s3rver)', 'FIFTYSIX_S3_PORT');
  await assertPortFree(ports.ses, 'the SES emulator (aws-ses-v2-local)', 'FIFTYSIX_SES_PORT');
  useLocalEnvironment(ports, configuration);

  const running: RunningEmulator[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.reverse().map((emulator) => emulator.stop()));
  };
  try {
    const s3Directory = dataDirectory ? join(dataDirectory, 's3') : join(process.env.TMPDIR ?? '/tmp', `fiftysix-s3-${randomUUID()}`);
    const dynamoDirectory = dataDirectory ? join(dataDirectory, 'dynamodb') : null;
    for (const directory of [s3Directory, dynamoDirectory]) if (directory) mkdirSync(directory, { recursive: true });

    const dynamoDb = startDynamoDbLocal(ports.dynamodb, dynamoDirectory);
    running.push(dynamoDb);
    const s3 = await startS3rver(ports.s3, s3Directory, dataDirectory !== null);
    running.push(s3);
    running.push(await startSesLocal(ports.ses));

    const dynamoDbClient = new DynamoDBClient({});
    await waitForDynamoDb(dynamoDbClient, () => dynamoDb.process.exitCode !== null);
    await createTable(dynamoDbClient, LOCAL_NAMES.tableName);
    await createBucket(new S3Client({}), LOCAL_NAMES.uploadsBucketName);

    // Imported only now: each handler builds its SDK clients at cold start from the variables set above.
    const ingest = await import('../../functions/ingest/handler');
    const deadlineScan = await import('../../functions/deadline-scan/handler');

    const inFlight = new Set<Promise<unknown>>();
    const invoke = (handler: 'ingest' | 'deadline-scan', run: () => Promise<unknown>) => {
      const invocation = run().then(
        (result) => options.onInvocation?.({ handler, result }),
        (error: Error) => options.onInvocation?.({ handler, error }),
      );
      inFlight.add(invocation);
      void invocation.finally(() => inFlight.delete(invocation));
      return invocation;
    };

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

    const schedule = options.schedule
      ? scheduleFor(DEADLINE_SCAN_SCHEDULE.expression, DEADLINE_SCAN_SCHEDULE.timeZone, (scheduledTime) => {
          void invoke('deadline-scan', () => deadlineScan.handler(scheduledScanEvent(scheduledTime)));
        })
      : null;

    return {
      ports,
      inboxUrl: `http://127.0.0.1:${ports.ses}/`,
      runScheduledScan: (scheduledTime) => deadlineScan.handler(scheduledScanEvent(scheduledTime)),
      settled: async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      },
      stop: async () => {
        schedule?.stop();
        await Promise.allSettled([...inFlight]);
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
