import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { ConfigurationError } from '../../shared/configuration';
import { DirectoryTable } from '../commons/directory-table';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { METRIC } from '../commons/metric-names';
import { metrics } from '../commons/metrics';
import { UNSETTLED_AFTER_MS } from '../commons/operator-alerts';
import { ReminderMailer, reminderMailClient } from '../commons/reminder-mailer';
import { ReportsTable } from '../commons/reports-table';
import { scheduledScanEventSchema } from './handler-input';
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
  mailer: new ReminderMailer(reminderMailClient(), environment.senderAddress, environment.sesConfigurationSet),
  appUrl: environment.appUrl,
};

/** The scan met errors it did not expect: Lambda tries it again (safely: the ledger sends nothing twice). */
export class ScanIncompleteError extends Error {
  constructor(readonly errors: ScanResult['errors']) {
    super(`${errors.length} obligation(s) could not be worked out: ${errors.map((each) => `${each.reportId}/${each.bodyId}: ${each.reason}`).join('; ')}`);
    this.name = 'ScanIncompleteError';
  }
}

/**
 * What was refused, unconfirmed or is not served is recorded in the ledger and counted in the metrics
 * the alarms watch, so it ends the invocation normally: retrying would change nothing. Only errors it
 * did not expect fail it, for Lambda to retry.
 */
export async function handler(event: unknown, context?: Context): Promise<ScanResult> {
  if (context) logger.addContext(context);
  const { scheduledTime, executionId } = scheduledScanEventSchema.parse(event);
  const now = new Date(scheduledTime);
  try {
    const result = await scanDeadlines(now, dependencies);
    const unsettled = await dependencies.reports.unsettledReminders(new Date(now.getTime() - UNSETTLED_AFTER_MS));
    if (unsettled.length > 0)
      logger.error('Reminders not known to be sent or refused, for a person to settle', {
        unsettled: unsettled.map(({ reportId, bodyId, stage, status, claimedAt }) => ({ reportId, bodyId, stage, status, claimedAt })),
      });
    metrics.addMetric(METRIC.remindersSent, MetricUnit.Count, result.sent.length);
    metrics.addMetric(METRIC.remindersRefused, MetricUnit.Count, result.failed.length);
    metrics.addMetric(METRIC.remindersUnconfirmed, MetricUnit.Count, result.unconfirmed.length);
    metrics.addMetric(METRIC.remindersUnsettled, MetricUnit.Count, unsettled.length);
    logger.info('Deadline scan finished', {
      scheduledTime,
      executionId,
      today: result.today,
      sent: result.sent.length,
      refused: result.failed.length,
      unconfirmed: result.unconfirmed.length,
      unsettled: unsettled.length,
      errors: result.errors.length,
    });
    if (result.errors.length > 0) throw new ScanIncompleteError(result.errors);
    await dependencies.reports.recordScanCompleted(result.today, now);
    metrics.addMetric(METRIC.scanCompleted, MetricUnit.Count, 1);
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
}
