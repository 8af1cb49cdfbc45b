import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { DirectoryTable } from '../commons/directory-table';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { METRIC } from '../commons/metric-names';
import { metrics } from '../commons/metrics';
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

/**
 * Uploads that could be neither ingested nor recorded as failed (the table or the bucket did not
 * answer, or something unexpected broke), raised after every record has been tried: Lambda tries the
 * event again, safely as ingestion is idempotent, and its dead-letter queue keeps it after the retries.
 */
export class IngestFailedError extends Error {
  constructor(readonly failures: Array<{ key: string; reason: string }>) {
    super(`${failures.length} upload(s) neither ingested nor recorded as failed: ${failures.map(({ key, reason }) => `${key}: ${reason}`).join('; ')}`);
    this.name = 'IngestFailedError';
  }
}

/** S3 writes object keys URL-encoded into its events, with spaces as '+'. */
function objectKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/**
 * An upload that cannot be read, or whose metadata is wrong, is recorded as failed with its reason and
 * counted in the metrics the alarms watch, so it ends the invocation normally: retrying would fail the
 * same way. Only errors that left nothing recorded fail it, for Lambda to retry.
 */
export async function handler(event: unknown, context?: Context): Promise<IngestOutcome[]> {
  if (context) logger.addContext(context);
  const { Records } = s3EventSchema.parse(event);
  const outcomes: IngestOutcome[] = [];
  const unrecorded: Array<{ key: string; reason: string }> = [];
  try {
    for (const record of Records) {
      let key = record.s3.object.key;
      try {
        key = objectKey(key);
        const { eTag = null, versionId = null } = record.s3.object;
        const outcome = await ingestUpload({ bucket: record.s3.bucket.name, key, uploadedAt: record.eventTime, eTag, versionId }, dependencies);
        outcomes.push(outcome);
        if (outcome.failure) {
          logger.error('Upload recorded as failed, for a person to look at', { key, reportId: outcome.reportId, failure: outcome.failure });
        } else {
          logger.info('Upload ingested', { key, reportId: outcome.reportId, status: outcome.status, saved: outcome.saved, owedBy: outcome.owedBy });
        }
      } catch (error) {
        logger.error('Upload could not be ingested; it will be retried', { key, error: error as Error });
        unrecorded.push({ key, reason: (error as Error).message });
      }
    }
    metrics.addMetric(METRIC.uploadsFailed, MetricUnit.Count, outcomes.filter((outcome) => outcome.failure).length);
  } finally {
    metrics.publishStoredMetrics();
  }
  if (unrecorded.length > 0) throw new IngestFailedError(unrecorded);
  return outcomes;
}
