import { ConditionalCheckFailedException, type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, paginateQuery, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarDate } from '../../shared/calendar-date';
import type { Obligation, Report } from '../../shared/model';
import type { PlannedReminder } from '../../shared/reminders';
import type { ReadReport } from '../../shared/report-ingestion';
import { OPEN_REMINDER_QUEUE, TABLE_LAYOUT } from './table-layout';

const reportKey = (reportId: string) => ({ pk: `REPORT#${reportId}`, sk: 'REPORT' });
const obligationKey = (reportId: string, bodyId: string) => ({ pk: `REPORT#${reportId}`, sk: `OBLIGATION#${bodyId}` });
const uploadKey = (bucket: string, key: string, eTag: string) => ({ pk: `UPLOAD#${bucket}/${key}`, sk: `ETAG#${eTag}` });
// The date is part of the key: a corrected date is a new date, and its reminders are new reminders.
const reminderKey = (obligation: Obligation, reminder: PlannedReminder) => ({
  pk: `REPORT#${obligation.reportId}`,
  sk: `REMINDER#${obligation.bodyId}#${reminder.dateKind}#${reminder.dueOn}#${reminder.stage}`,
});

/** A new upload of the same bytes may replace a failure: the reader may have been fixed since. */
const REPLACEABLE_STATUSES: readonly Report['status'][] = ['failed'];

/** What an upload did: stored a new report, found it stored already, or corrected its publication date. */
export type SaveOutcome = 'saved' | 'duplicate' | 'corrected';

export type ClaimOutcome = { outcome: 'claimed' | 'sent' } | { outcome: 'in-progress' | 'unconfirmed'; claimedAt: string };

/** Longer than a scan can run (the function's timeout is a minute): a claim older than this has no sender left. */
const CLAIM_TIMEOUT_MS = 15 * 60 * 1000;

export class ReportNotFoundError extends Error {
  constructor(readonly reportId: string) {
    super(`No report ${reportId} in the table: check the id printed when it was ingested`);
    this.name = 'ReportNotFoundError';
  }
}

export interface UploadRecord {
  bucket: string;
  key: string;
  /** The object's ETag without quotes: which version of the key this was. */
  eTag: string;
  reportId: string;
  saved: SaveOutcome;
  ingestedAt: string;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'))
  );
}

/** The condition under which a write may replace a stored report: there is none, or it has one of these statuses. */
function replaceableOnly(statuses: readonly string[]) {
  return {
    ConditionExpression: `attribute_not_exists(pk) OR #status IN (${statuses.map((_, index) => `:replaceable${index}`).join(', ')})`,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: Object.fromEntries(statuses.map((status, index) => [`:replaceable${index}`, status])),
  };
}

function obligationItem({ nextReminderOn, ...obligation }: Obligation): Record<string, unknown> {
  return {
    ...obligationKey(obligation.reportId, obligation.bodyId),
    itemType: 'obligation',
    ...obligation,
    // Index keys must be strings or absent: an obligation with no reminder to plan stays out of the index.
    ...(nextReminderOn ? { nextReminderOn, reminderQueue: OPEN_REMINDER_QUEUE } : {}),
  };
}

function obligationFrom(item: Record<string, unknown>): Obligation {
  const obligation = withoutKeys<Obligation>(item);
  return { ...obligation, nextReminderOn: obligation.nextReminderOn ?? null };
}

function withoutKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, itemType: _itemType, reminderQueue: _queue, ...rest } = item;
  return rest as T;
}

/** The DynamoDB adapter: reports, obligations and the reminder ledger in one table (see table-layout.ts). */
export class ReportsTable {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /**
   * Records what became of one upload, whichever report it turned out to be (a new one, a duplicate
   * of another name's, or a failure), so the person who uploaded it can find out.
   */
  async recordUpload(upload: UploadRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...uploadKey(upload.bucket, upload.key, upload.eTag), itemType: 'upload', ...upload } }),
    );
  }

  async getUpload(bucket: string, key: string, eTag: string): Promise<UploadRecord | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: uploadKey(bucket, key, eTag) }));
    return Item ? withoutKeys<UploadRecord>(Item) : null;
  }

  async getReport(reportId: string): Promise<Report | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: reportKey(reportId) }));
    return Item ? withoutKeys<Report>(Item) : null;
  }

  /**
   * Stores a report with its obligations in one transaction, unless the same bytes were stored
   * already; at-least-once S3 events and re-uploads under another name land here as duplicates.
   */
  async saveReadReport(read: ReadReport): Promise<SaveOutcome> {
    // A report that owed nothing may come to owe something: a person gave its date, or a body was added.
    const replaceable = read.report.status === 'no-duty' ? REPLACEABLE_STATUSES : [...REPLACEABLE_STATUSES, 'no-duty'];
    return this.writeReport(read, replaceableOnly(replaceable));
  }

  /** Stores a report whose publication date a person corrected, with its recomputed obligations. */
  async saveCorrectedReport(read: ReadReport): Promise<void> {
    if ((await this.writeReport(read, { ConditionExpression: 'attribute_exists(pk)' })) !== 'saved') {
      throw new ReportNotFoundError(read.report.id);
    }
  }

  async getObligations(reportId: string): Promise<Obligation[]> {
    const obligations: Obligation[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :report AND begins_with(sk, :obligation)',
        ExpressionAttributeValues: { ':report': reportKey(reportId).pk, ':obligation': 'OBLIGATION#' },
      },
    );
    for await (const page of pages) obligations.push(...(page.Items ?? []).map(obligationFrom));
    return obligations;
  }

  private async writeReport({ report, obligations }: ReadReport, reportCondition: Record<string, unknown>): Promise<SaveOutcome> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...reportKey(report.id), itemType: 'report', ...report }, ...reportCondition } },
            ...obligations.map((obligation) => ({ Put: { TableName: this.tableName, Item: obligationItem(obligation) } })),
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  }

  /** Records what the body has done; only that attribute is written, so a concurrent correction keeps its dates. */
  async recordProgress(obligation: Obligation): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: obligationKey(obligation.reportId, obligation.bodyId),
        UpdateExpression: 'SET progress = :progress',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':progress': obligation.progress },
      }),
    );
  }

  async saveFailedReport(report: Report): Promise<SaveOutcome> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...reportKey(report.id), itemType: 'report', ...report },
          ...replaceableOnly(REPLACEABLE_STATUSES),
        }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  }

  /** Obligations with a reminder planned on or before `today`, read from the sparse index only. */
  async *obligationsWithRemindersDue(today: CalendarDate): AsyncGenerator<Obligation> {
    const { name, partitionKey, sortKey } = TABLE_LAYOUT.remindersDueIndex;
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        IndexName: name,
        KeyConditionExpression: '#queue = :open AND #next <= :today',
        ExpressionAttributeNames: { '#queue': partitionKey, '#next': sortKey },
        ExpressionAttributeValues: { ':open': OPEN_REMINDER_QUEUE, ':today': today },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) yield obligationFrom(item);
    }
  }

  /**
   * Records a reminder in the ledger before it is sent, and says whether this caller may send it:
   * `claimed` (send it), `sent` (done before), `in-progress` (another scan claimed it moments ago) or
   * `unconfirmed` (claimed long ago and never marked sent: the sender died, or SES took it and the
   * ledger write after failed; a person must check rather than risk it going twice). A reminder whose
   * send failed may be claimed again.
   */
  async claimReminder(obligation: Obligation, reminder: PlannedReminder, claimedAt: Date): Promise<ClaimOutcome> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...reminderKey(obligation, reminder),
            itemType: 'reminder',
            reportId: obligation.reportId,
            bodyId: obligation.bodyId,
            ...reminder,
            status: 'sending',
            claimedAt: claimedAt.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed' },
        }),
      );
      return { outcome: 'claimed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: reminderKey(obligation, reminder), ConsistentRead: true }));
    if (Item?.status === 'sent') return { outcome: 'sent' };
    const claimedBefore = String(Item?.claimedAt ?? '');
    const stale = Date.parse(claimedBefore) < claimedAt.getTime() - CLAIM_TIMEOUT_MS;
    return { outcome: stale ? 'unconfirmed' : 'in-progress', claimedAt: claimedBefore };
  }

  async recordReminderOutcome(
    obligation: Obligation,
    reminder: PlannedReminder,
    outcome: { status: 'sent'; messageId: string; recipients: string[] } | { status: 'failed'; reason: string },
  ): Promise<void> {
    const { status, ...details } = outcome;
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: reminderKey(obligation, reminder),
        UpdateExpression: 'SET #status = :status, #details = :details',
        ExpressionAttributeNames: { '#status': 'status', '#details': status === 'sent' ? 'delivery' : 'failure' },
        ExpressionAttributeValues: { ':status': status, ':details': details },
      }),
    );
  }

  /**
   * Moves the obligation's next reminder on, or takes it out of the index when none is left. The
   * condition makes a concurrent scan that already moved it win, rather than be undone.
   */
  async advanceNextReminder(obligation: Obligation, nextReminderOn: CalendarDate | null): Promise<void> {
    const update = nextReminderOn
      ? { UpdateExpression: 'SET #next = :next', ExpressionAttributeValues: { ':next': nextReminderOn, ':read': obligation.nextReminderOn } }
      : { UpdateExpression: 'REMOVE #next, #queue', ExpressionAttributeValues: { ':read': obligation.nextReminderOn } };
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: obligationKey(obligation.reportId, obligation.bodyId),
          ConditionExpression: '#next = :read',
          ExpressionAttributeNames: { '#next': 'nextReminderOn', ...(nextReminderOn ? {} : { '#queue': 'reminderQueue' }) },
          ...update,
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
