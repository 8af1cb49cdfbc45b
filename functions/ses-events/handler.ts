import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { sesEventSchema } from '../../shared/ses-events';
import { DirectoryTable } from '../commons/directory-table';
import { readHandlerEnvironment } from '../commons/environment';
import { logger } from '../commons/logger';
import { METRIC } from '../commons/metric-names';
import { metrics } from '../commons/metrics';
import { ReportsTable } from '../commons/reports-table';
import { recordSesEvent, type SesEventOutcome } from './record-ses-event';

const environment = readHandlerEnvironment();
const dynamoDb = new DynamoDBClient({});
const dependencies = {
  reports: new ReportsTable(dynamoDb, environment.tableName),
  directory: new DirectoryTable(dynamoDb, environment.tableName),
};

/** SNS delivers SES's events one message each: the event is the message, as JSON. */
const snsEventSchema = z.object({
  Records: z.array(z.object({ Sns: z.object({ MessageId: z.string(), Message: z.string() }) })),
});

/** A message on the SES events topic that is not an SES event: it is left to the dead-letter queue, for a person. */
export class UnreadableSesEventError extends Error {
  constructor(readonly messageIds: string[]) {
    super(`SNS message(s) ${messageIds.join(', ')} are not SES events FiftySix can read`);
    this.name = 'UnreadableSesEventError';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON at all: the schema then says what it expected, and the message goes to the dead-letter queue.
    return text;
  }
}

/** Settles the reminders SES's events speak of, and suppresses the recipients they say not to email. */
export async function handler(event: unknown, context?: Context): Promise<SesEventOutcome[]> {
  if (context) logger.addContext(context);
  const { Records } = snsEventSchema.parse(event);
  const outcomes: SesEventOutcome[] = [];
  const unreadable: string[] = [];
  try {
    for (const { Sns } of Records) {
      const parsed = sesEventSchema.safeParse(parseJson(Sns.Message));
      if (!parsed.success) {
        logger.error('An SNS message that is not an SES event', { messageId: Sns.MessageId, problems: parsed.error.issues.map((issue) => issue.message) });
        unreadable.push(Sns.MessageId);
        continue;
      }
      outcomes.push(await recordSesEvent(parsed.data, dependencies, new Date()));
    }
    metrics.addMetric(
      METRIC.recipientsSuppressed,
      MetricUnit.Count,
      outcomes.reduce((count, outcome) => count + outcome.suppressed.length, 0),
    );
    metrics.addMetric(METRIC.bodiesWithoutRecipients, MetricUnit.Count, outcomes.filter((outcome) => outcome.bodyWithoutRecipients).length);
    if (unreadable.length > 0) throw new UnreadableSesEventError(unreadable);
    return outcomes;
  } finally {
    metrics.publishStoredMetrics();
  }
}
