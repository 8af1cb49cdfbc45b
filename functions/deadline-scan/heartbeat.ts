import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { londonDateAt } from '../../shared/calendar-date';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { METRIC } from '../commons/metric-names';
import { metrics } from '../commons/metrics';
import { ReportsTable } from '../commons/reports-table';
import { scheduledScanEventSchema } from './handler-input';

const environment = readHandlerEnvironment();
const reports = new ReportsTable(new DynamoDBClient({}), environment.tableName);

/**
 * The morning check, an hour after the deadline scan is scheduled: a scan that failed, timed out or
 * never started leaves no heartbeat for today, and the alarm on ScanMissed tells the operators. A
 * metric the scan published would say nothing when the scan never ran; this check does.
 */
export async function handler(event: unknown, context?: Context): Promise<{ today: string; missed: boolean }> {
  if (context) logger.addContext(context);
  const today = londonDateAt(new Date(scheduledScanEventSchema.parse(event).scheduledTime));
  try {
    const missed = (await reports.lastScanCompletedOn()) !== today;
    if (missed) logger.error('The deadline scan has not finished today: reminders due today may not have gone', { today });
    metrics.addMetric(METRIC.scanMissed, MetricUnit.Count, missed ? 1 : 0);
    return { today, missed };
  } finally {
    metrics.publishStoredMetrics();
  }
}
