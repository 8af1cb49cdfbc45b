import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { DirectoryTable } from '../commons/directory-table';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { ReportsTable } from '../commons/reports-table';
import { UploadsBucket } from '../commons/uploads-bucket';
import { type IngestOutcome, ingestUpload } from './ingest-upload';

const environment = readHandlerEnvironment();
const dynamoDb = new DynamoDBClient({});
const dependencies = {
  uploads: new UploadsBucket(new S3Client({})),
  reports: new ReportsTable(dynamoDb, environment.tableName),
  directory: new DirectoryTable(dynamoDb, environment.tableName),
  maxDocumentBytes: environment.maxDocumentBytes,
  now: () => new Date(),
};

const s3EventSchema = z.object({
  Records: z.array(
    z.object({
      eventTime: z.string(),
      s3: z.object({
        bucket: z.object({ name: z.string() }),
        object: z.object({ key: z.string(), eTag: z.optional(z.string()), versionId: z.optional(z.string()) }),
      }),
    }),
  ),
});

/** Raised after every record has been tried, so one bad upload never stops the others. */
export class IngestFailedError extends Error {
  constructor(readonly failures: Array<{ key: string; reason: string }>) {
    super(`${failures.length} upload(s) not ingested: ${failures.map(({ key, reason }) => `${key}: ${reason}`).join('; ')}`);
    this.name = 'IngestFailedError';
  }
}

/** S3 writes object keys URL-encoded into its events, with spaces as '+'. */
function objectKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

export async function handler(event: unknown, context?: Context): Promise<IngestOutcome[]> {
  if (context) logger.addContext(context);
  const { Records } = s3EventSchema.parse(event);
  const outcomes: IngestOutcome[] = [];
  const failures: Array<{ key: string; reason: string }> = [];
  for (const record of Records) {
    let key = record.s3.object.key;
    try {
      key = objectKey(key);
      const { eTag = null, versionId = null } = record.s3.object;
      const outcome = await ingestUpload({ bucket: record.s3.bucket.name, key, uploadedAt: record.eventTime, eTag, versionId }, dependencies);
      outcomes.push(outcome);
      if (outcome.failure) {
        logger.warn('Upload recorded as failed', { key, reportId: outcome.reportId, failure: outcome.failure });
        failures.push({ key, reason: outcome.failure.message });
      } else {
        logger.info('Upload ingested', { key, reportId: outcome.reportId, status: outcome.status, saved: outcome.saved, owedBy: outcome.owedBy });
      }
    } catch (error) {
      logger.error('Upload could not be ingested; it will be retried', { key, error: error as Error });
      failures.push({ key, reason: (error as Error).message });
    }
  }
  if (failures.length > 0) throw new IngestFailedError(failures);
  return outcomes;
}
