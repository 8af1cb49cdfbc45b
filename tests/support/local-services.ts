import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { inject } from 'vitest';
import { seedDirectory } from '../../functions/commons/directory-updates';
import { PUBLISHED_ON_METADATA } from '../../functions/commons/wiring';
import { createBucket, createTable, encodeEventKey, localAdapters, useLocalEnvironment } from '../../infra/local/local-stack';
import { clearOutbox, readOutbox } from '../../infra/local/outbox';
import { TEST_CONFIGURATION } from './test-configuration';

/**
 * Points this test file's SDK clients at the shared emulators, with a table and bucket of its own so
 * files cannot see each other's reports, its bodies and users seeded from the test configuration.
 * Call before importing a handler: handlers read the environment at cold start.
 */
export async function useIsolatedServices(name: string, configuration = TEST_CONFIGURATION) {
  const stack = inject('localStack');
  const { inboxUrl } = stack;
  useLocalEnvironment(stack, configuration);
  const suffix = randomUUID().slice(0, 8);
  const tableName = `${name}-${suffix}`;
  const bucket = `${name}-${suffix}`;
  process.env.TABLE_NAME = tableName;
  process.env.UPLOADS_BUCKET_NAME = bucket;
  const s3 = new S3Client({});
  await createTable(new DynamoDBClient({}), tableName);
  await createBucket(s3, bucket);

  const adapters = localAdapters({ tableName });
  await seedDirectory(adapters, configuration);
  const { reports } = adapters;
  /** The ETag of the object now under `key`, as an S3 event names it. */
  const eTagOf = async (key: string) => ((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag ?? '').replace(/"/g, '');
  /** What ingestion recorded for the object now under `key`. */
  const uploadRecord = async (key: string) => reports.getUpload(bucket, key, await eTagOf(key));

  return {
    stack,
    tableName,
    bucket,
    s3,
    ...adapters,
    uploadRecord,
    eTagOf,
    async reportOf(key: string) {
      const upload = await uploadRecord(key);
      return upload ? reports.getReport(upload.reportId) : null;
    },
    outbox: () => readOutbox(inboxUrl),
    clearOutbox: () => clearOutbox(inboxUrl),
    /**
     * Puts an object, with a publication date or any metadata; returns the S3 event AWS would deliver for
     * it. A publication date given as a string also dates the upload to that day, so the report is read
     * while its clock runs rather than years later, as a historical one.
     */
    async upload(key: string, body: Uint8Array | string, metadata?: string | Record<string, string>, uploadedAt?: string): Promise<S3Event> {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      const Metadata = typeof metadata === 'string' ? { [PUBLISHED_ON_METADATA]: metadata } : metadata;
      const { ETag } = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, Metadata }));
      const at = uploadedAt ?? (typeof metadata === 'string' ? `${metadata}T12:00:00.000Z` : new Date().toISOString());
      return s3PutEvent(bucket, key, (ETag ?? '').replace(/"/g, ''), bytes.length, at);
    },
    /** The use cases' dependencies as at a moment: what a person records is checked against that day. */
    asOf: (moment: string) => ({ ...adapters, now: () => new Date(moment) }),
  };
}

/** An ObjectCreated:Put event as S3 delivers it to Lambda. */
export function s3PutEvent(bucket: string, key: string, eTag: string, size: number, eventTime = new Date().toISOString()): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-2',
        eventTime,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'ingest',
          bucket: { name: bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeEventKey(key), size, eTag, sequencer: '0055AED6DCD90281E5' },
        },
      },
    ],
  };
}
