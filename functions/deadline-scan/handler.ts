import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { ConfigurationError } from '../../shared/configuration';
import { DirectoryTable } from '../commons/directory-table';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { ReminderMailer } from '../commons/reminder-mailer';
import { ReportsTable } from '../commons/reports-table';
import { type ScanResult, scanDeadlines } from './scan-deadlines';

const environment = readHandlerEnvironment();
if (!environment.appUrl)
  throw new ConfigurationError('The function’s environment variables', [
    'APP_URL: the deadline scan links each reminder to the report’s page, and needs its address',
  ]);
const dynamoDb = new DynamoDBClient({});
const dependencies = {
  reports: new ReportsTable(dynamoDb, environment.tableName),
  directory: new DirectoryTable(dynamoDb, environment.tableName),
  mailer: new ReminderMailer(new SESv2Client({}), environment.senderAddress),
  appUrl: environment.appUrl,
};

/**
 * The schedule's input: EventBridge Scheduler fills in `<aws.scheduler.scheduled-time>`, so a retried
 * invocation still scans as at the moment it was meant for.
 */
export const scheduledScanEventSchema = z.object({
  scheduledTime: z.iso.datetime({ offset: true }),
  executionId: z.optional(z.string()),
});

export class ReminderDeliveryError extends Error {
  constructor(readonly failed: ScanResult['failed']) {
    super(`${failed.length} reminder(s) not sent: ${failed.map((each) => `${each.reportId}/${each.bodyId}/${each.stage}: ${each.reason}`).join('; ')}`);
    this.name = 'ReminderDeliveryError';
  }
}

export async function handler(event: unknown, context?: Context): Promise<ScanResult> {
  if (context) logger.addContext(context);
  const { scheduledTime, executionId } = scheduledScanEventSchema.parse(event);
  const result = await scanDeadlines(new Date(scheduledTime), dependencies);
  logger.info('Deadline scan finished', { scheduledTime, executionId, today: result.today, sent: result.sent.length, failed: result.failed.length });
  if (result.failed.length > 0) throw new ReminderDeliveryError(result.failed);
  return result;
}
