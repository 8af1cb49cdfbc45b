import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../shared/audit';
import type { CalendarDate } from '../../shared/calendar-date';
import type { Obligation, Report } from '../../shared/model';
import type { PlannedReminder } from '../../shared/reminders';
import { descriptionKey, titleForcesKey } from '../../shared/report-identity';
import { type ReadReport, withDefaults } from '../../shared/report-ingestion';
import { NO_LAST_DAY, OPEN_REMINDER_QUEUE, REPORT_LIST, REVIEW_PARTITION, SCAN_HEARTBEAT_KEY, TABLE_LAYOUT, UNSETTLED_REMINDER } from './table-layout';
import { DISCOVERED_PREFIX } from './wiring';

const reportKey = (reportId: string) => ({ pk: `REPORT#${reportId}`, sk: 'REPORT' });
const obligationKey = (reportId: string, bodyId: string) => ({ pk: `REPORT#${reportId}`, sk: `OBLIGATION#${bodyId}` });
const uploadKey = (bucket: string, key: string, eTag: string) => ({ pk: `UPLOAD#${bucket}/${key}`, sk: `ETAG#${eTag}` });
const identityKey = (identity: string) => ({ pk: `IDENTITY#${identity}`, sk: 'IDENTITY' });
const titleKey = (key: string, reportId: string) => ({ pk: `TITLE#${key}`, sk: `REPORT#${reportId}` });
const reviewKey = (item: Pick<ReviewItem, 'what' | 'reportId'>) => ({ pk: REVIEW_PARTITION, sk: `${item.what}#${item.reportId}` });
const reviewItem = (review: ReviewItem) => ({ ...reviewKey(review), itemType: 'review', ...review });
const uploadRequestKey = (uploadId: string) => ({ pk: `UPLOAD-REQUEST#${uploadId}`, sk: 'REQUEST' });
// The date is part of the key: a corrected date is a new date, and its reminders are new reminders.
const reminderKey = (obligation: Pick<Obligation, 'reportId' | 'bodyId'>, reminder: Pick<PlannedReminder, 'dateKind' | 'dueOn' | 'stage'>) => ({
  pk: `REPORT#${obligation.reportId}`,
  sk: `REMINDER#${obligation.bodyId}#${reminder.dateKind}#${reminder.dueOn}#${reminder.stage}`,
});

/** Where an audit event is kept: with the report it concerns, else the body, else the user. */
export function eventKey(event: AuditEvent): { pk: string; sk: string } {
  const pk = event.reportId ? `REPORT#${event.reportId}` : event.bodyId ? `BODY#${event.bodyId}` : `USER#${event.userEmail}`;
  return { pk, sk: `EVENT#${event.at}#${randomUUID().slice(0, 8)}` };
}

/** An audit event as a transaction writes it: never over another, and never updated after. */
export function eventPut(tableName: string, event: AuditEvent) {
  return { Put: { TableName: tableName, Item: { ...eventKey(event), itemType: 'event', ...event }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** A new upload of the same bytes may replace a failure: the reader may have been fixed since. */
const REPLACEABLE_STATUSES: readonly Report['status'][] = ['failed'];

/**
 * What an upload did: stored a new report, found it stored already, corrected its publication date,
 * or added another source (format, or re-saved copy) to the report it is.
 */
export type SaveOutcome = 'saved' | 'duplicate' | 'corrected' | 'another-source';

/**
 * The identities a report is known by (see report-identity.ts): its text's digest, and its title,
 * date and forces. Another upload with either is the same report.
 */
export function identitiesOf(report: Report): string[] {
  const description = descriptionKey(report);
  return [...(report.fingerprint ? [`text#${report.fingerprint}`] : []), ...(description ? [`description#${description}`] : [])];
}

/** Each kind of thing that waits for a person, one review item of each at most per report. */
export const REVIEW_KINDS = ['possible-duplicate', 'unlinked-response', 'unrecognised-upload'] as const;

/**
 * What only a person can settle: a report that may be another stored one, a response not yet linked
 * to its report, or a document a person uploaded that the rules read as neither a report nor a
 * response, which starts no clock and may be a report they misread.
 */
export interface ReviewItem {
  what: (typeof REVIEW_KINDS)[number];
  reportId: string;
  title: string | null;
  /** For a possible duplicate: the stored report it may be. */
  of: string | null;
}

/** What a report asks of a person, as stored: nothing, or one review item. */
export function reviewOf(report: Report): ReviewItem | null {
  if (report.mergedInto) return null;
  if (report.possibleDuplicateOf) return { what: 'possible-duplicate', reportId: report.id, title: report.title, of: report.possibleDuplicateOf };
  if (report.status === 'failed') return null;
  if (report.kind === 'pcc-response' && !report.answers) return { what: 'unlinked-response', reportId: report.id, title: report.title, of: null };
  if (report.kind === 'other' && !report.kindCorrectedBy && uploadedByAPerson(report))
    return { what: 'unrecognised-upload', reportId: report.id, title: report.title, of: null };
  return null;
}

/**
 * Discovery takes what a site lists, much of it rightly not a report; a person uploads a document
 * because they take it for a report (or a response), so the rules disagreeing is worth a look.
 */
const uploadedByAPerson = (report: Report) => [report.source, ...(report.otherSources ?? [])].some((source) => !source.key.startsWith(DISCOVERED_PREFIX));

/** Another report holds one of the identities of the report being stored: it is that report. */
export class IdentityTakenError extends Error {
  constructor(readonly reportId: string) {
    super(`Report ${reportId} has the same text, or title, date and forces, as another stored report`);
    this.name = 'IdentityTakenError';
  }
}

export type ClaimOutcome = { outcome: 'claimed' | 'sent' } | { outcome: 'in-progress' | 'unconfirmed'; claimedAt: string };

/** Longer than a scan can run (the function's timeout is a minute): a claim older than this has no sender left. */
const CLAIM_TIMEOUT_MS = 15 * 60 * 1000;

export class ReportNotFoundError extends Error {
  constructor(readonly reportId: string) {
    super(`No report ${reportId} in the table: check the id printed when it was ingested`);
    this.name = 'ReportNotFoundError';
  }
}

/** Someone else changed the report between reading and writing it: read it again and redo the change. */
export class ConcurrentChangeError extends Error {
  constructor(readonly reportId: string) {
    super(`Report ${reportId} was changed by someone else at the same moment: reload it and make your change again`);
    this.name = 'ConcurrentChangeError';
  }
}

/** DynamoDB keeps at most this in one item, attribute names and values together. */
const ITEM_LIMIT_BYTES = 400 * 1024;

/** A report that would take more than DynamoDB keeps in one item, which it refuses whole. */
export class ReportTooLargeError extends Error {
  readonly limitBytes = ITEM_LIMIT_BYTES;

  constructor(
    readonly reportId: string,
    readonly recommendations: number,
    readonly bytes: number,
  ) {
    super(
      `Report ${reportId}, with ${recommendations} recommendations, would take ${bytes} bytes to store, over the ${ITEM_LIMIT_BYTES} bytes DynamoDB keeps in one item`,
    );
    this.name = 'ReportTooLargeError';
  }
}

/**
 * An item's size as DynamoDB counts it against its limit (AWS's "Item sizes and formats"), rounded up:
 * the UTF-8 bytes of each name and string, a byte for a boolean or null, one for every two digits of a
 * number and one more, three for each map or list and one for each of its elements.
 */
function itemSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(value).length / 2) + 1;
  if (Array.isArray(value)) return value.reduce<number>((sum, element) => sum + 1 + itemSize(element), 3);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).reduce<number>(
      (sum, [name, element]) => (element === undefined ? sum : sum + Buffer.byteLength(name) + 1 + itemSize(element)),
      3,
    );
  }
  return 1;
}

export interface UploadRecord {
  bucket: string;
  key: string;
  /** The object's ETag without quotes: which version of the key this was. */
  eTag: string;
  reportId: string;
  saved: SaveOutcome;
  /**
   * Why the upload did not do what it asked: the report's own failure, or one of its metadata (a
   * correction or progress refused) on a report that stands. Absent from records made before it was kept.
   */
  failure?: Report['failure'];
  ingestedAt: string;
}

/** An upload the office's page asked for: where it goes, and who asked. */
export interface UploadRequest {
  uploadId: string;
  bucket: string;
  key: string;
  fileName: string;
  requestedBy: string;
  requestedAt: string;
}

/**
 * A reminder as the ledger holds it. `sending`: claimed, its email on its way; `sent`: SES took it;
 * `failed`: SES certainly did not (the next scan tries again); `unconfirmed`: SES may have taken it,
 * and until its events say, a person decides; `rejected`: SES would not send it.
 */
export interface LedgerEntry {
  reportId: string;
  bodyId: string;
  dateKind: PlannedReminder['dateKind'];
  dueOn: CalendarDate;
  stage: string;
  sendOn: CalendarDate;
  status: 'sending' | 'sent' | 'failed' | 'unconfirmed' | 'rejected';
  claimedAt: string;
  /** The email it went in, as its message tag names it. */
  emailId?: string;
  delivery?: { messageId: string; recipients: string[] };
  failure?: { reason: string };
  /** What SES's events said of each recipient: delivered, bounced or complained, and when. */
  recipients?: Record<string, { outcome: 'delivered' | 'bounced' | 'complained' | 'delayed'; at: string; detail?: string }>;
}

/** What a ledger entry's outcome is, once known; `unconfirmed` keeps it among the unsettled. */
export type ReminderOutcome = { status: 'sent'; messageId: string; recipients: string[] } | { status: 'failed' | 'unconfirmed' | 'rejected'; reason: string };

/** A report with the version it was read at: a change is written only if no other came in between. */
export interface ReportState extends ReadReport {
  version: number;
}

/** What an administrator's list shows of each report. */
export type ReportListing = Pick<Report, (typeof TABLE_LAYOUT.reportsByLastDayIndex.attributes)[number]>;

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'))
  );
}

/** Another transaction on the same items was under way: DynamoDB cancelled this one, which may simply be tried again. */
function isTransactionConflict(error: unknown): boolean {
  return error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');
}

/** The condition under which a write may replace a stored report: there is none, or it has one of these statuses. */
function replaceableOnly(statuses: readonly string[]) {
  return {
    ConditionExpression: `attribute_not_exists(pk) OR #status IN (${statuses.map((_, index) => `:replaceable${index}`).join(', ')})`,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: Object.fromEntries(statuses.map((status, index) => [`:replaceable${index}`, status])),
  };
}

function reportItem(report: Report, version: number): Record<string, unknown> {
  return {
    ...reportKey(report.id),
    itemType: 'report',
    ...report,
    version,
    reportList: REPORT_LIST,
    reportLastDay: `${report.responseDueOn ?? NO_LAST_DAY}#${report.id}`,
  };
}

/**
 * The report's item, refused by name when DynamoDB would refuse it: a change can grow a report too
 * (another source, a correction). Only the report grows with the document's text: an obligation holds
 * no more than a date for each recommendation.
 */
function sizedReportItem(report: Report, version: number): Record<string, unknown> {
  const item = reportItem(report, version);
  const bytes = itemSize(item);
  if (bytes > ITEM_LIMIT_BYTES) throw new ReportTooLargeError(report.id, report.recommendations.length, bytes);
  return item;
}

function obligationItem({ nextReminderOn, ...obligation }: Obligation): Record<string, unknown> {
  return {
    ...obligationKey(obligation.reportId, obligation.bodyId),
    itemType: 'obligation',
    ...obligation,
    obligationBody: obligation.bodyId,
    obligationReport: obligation.reportId,
    // Index keys must be strings or absent: an obligation with no reminder to plan stays out of the index.
    ...(nextReminderOn ? { nextReminderOn, reminderQueue: OPEN_REMINDER_QUEUE } : {}),
  };
}

/** The table's own attributes, which the domain never sees. */
const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'itemType',
  'reminderQueue',
  'version',
  'reportList',
  'reportLastDay',
  'obligationBody',
  'obligationReport',
  'unsettled',
  'unsettledSince',
];

function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.includes(name))) as T;
}

function obligationFrom(item: Record<string, unknown>): Obligation {
  return withDefaults(withoutKeys<Obligation>(item));
}

/** The DynamoDB adapter for reports and all that hangs on them (see table-layout.ts). */
export class ReportsTable {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  private async *query(input: Omit<QueryCommandInput, 'TableName'>) {
    for await (const page of paginateQuery({ client: this.documents }, { TableName: this.tableName, ...input })) {
      for (const item of page.Items ?? []) yield item;
    }
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for await (const item of this.query(input)) items.push(item);
    return items;
  }

  private inPartition(pk: string, prefix: string) {
    return this.queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix } });
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

  /** Every version of the object under `key` that ingestion has recorded, latest last. */
  async uploadsOf(bucket: string, key: string): Promise<UploadRecord[]> {
    const items = await this.inPartition(`UPLOAD#${bucket}/${key}`, 'ETAG#');
    return items.map((item) => withoutKeys<UploadRecord>(item)).sort((a, b) => a.ingestedAt.localeCompare(b.ingestedAt));
  }

  async recordUploadRequest(request: UploadRequest): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...uploadRequestKey(request.uploadId), itemType: 'upload-request', ...request },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getUploadRequest(uploadId: string): Promise<UploadRequest | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: uploadRequestKey(uploadId) }));
    return Item ? withoutKeys<UploadRequest>(Item) : null;
  }

  async getReport(reportId: string): Promise<Report | null> {
    return (await this.getReportState(reportId))?.report ?? null;
  }

  /** A report with its obligations and the version they were read at, for a change to be written against. */
  async getReportState(reportId: string): Promise<ReportState | null> {
    const [{ Item }, obligations] = await Promise.all([
      this.documents.send(new GetCommand({ TableName: this.tableName, Key: reportKey(reportId), ConsistentRead: true })),
      this.getObligations(reportId),
    ]);
    if (!Item) return null;
    return { report: withoutKeys<Report>(Item), obligations, version: Number(Item.version ?? 0) };
  }

  /** Reports by id, read in batches; ids not found are left out. */
  async getReports(reportIds: Iterable<string>): Promise<Map<string, Report>> {
    const reports = new Map<string, Report>();
    const pending = [...new Set(reportIds)].map(reportKey);
    while (pending.length > 0) {
      const batch = pending.splice(0, 100);
      let keys: Record<string, unknown>[] | undefined = batch;
      // BatchGet may hand back keys it did not read under load: ask again for those.
      for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt += 1) {
        const response: BatchGetCommandOutput = await this.documents.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }));
        for (const item of response.Responses?.[this.tableName] ?? []) reports.set(String(item.id), withoutKeys<Report>(item));
        keys = response.UnprocessedKeys?.[this.tableName]?.Keys;
      }
      if (keys && keys.length > 0) throw new Error(`DynamoDB left ${keys.length} report(s) unread after five tries: try again`);
    }
    return reports;
  }

  async getObligations(reportId: string): Promise<Obligation[]> {
    return (await this.inPartition(reportKey(reportId).pk, 'OBLIGATION#')).map(obligationFrom);
  }

  /** Every obligation of one body, from the obligations-by-body index. */
  async obligationsOfBody(bodyId: string): Promise<Obligation[]> {
    const { name, partitionKey } = TABLE_LAYOUT.obligationsByBodyIndex;
    const items = await this.queryAll({
      IndexName: name,
      KeyConditionExpression: '#body = :body',
      ExpressionAttributeNames: { '#body': partitionKey },
      ExpressionAttributeValues: { ':body': bodyId },
    });
    return items.map(obligationFrom);
  }

  /** Reports whose last day is on or after `from`, and those with no clock yet, from the reports index. */
  async reportIdsDueFrom(from: CalendarDate): Promise<string[]> {
    const { name, partitionKey, sortKey } = TABLE_LAYOUT.reportsByLastDayIndex;
    const items = await this.queryAll({
      IndexName: name,
      KeyConditionExpression: '#list = :list AND #last >= :from',
      ExpressionAttributeNames: { '#list': partitionKey, '#last': sortKey },
      ExpressionAttributeValues: { ':list': REPORT_LIST, ':from': from },
      ProjectionExpression: 'id',
    });
    return items.map((item) => String(item.id));
  }

  /** Every report, soonest last day first, as an administrator's list shows them. */
  async listReports(): Promise<ReportListing[]> {
    const { name, partitionKey } = TABLE_LAYOUT.reportsByLastDayIndex;
    const items = await this.queryAll({
      IndexName: name,
      KeyConditionExpression: '#list = :list',
      ExpressionAttributeNames: { '#list': partitionKey },
      ExpressionAttributeValues: { ':list': REPORT_LIST },
    });
    return items.map((item) => withoutKeys<ReportListing>(item));
  }

  /** The report's audit trail, oldest first. */
  async historyOf(reportId: string): Promise<AuditEvent[]> {
    return (await this.inPartition(reportKey(reportId).pk, 'EVENT#')).map((item) => withoutKeys<AuditEvent>(item));
  }

  /** The reminders the ledger holds for a report, for every body. */
  async ledgerOf(reportId: string): Promise<LedgerEntry[]> {
    return (await this.inPartition(reportKey(reportId).pk, 'REMINDER#')).map((item) => withoutKeys<LedgerEntry>(item));
  }

  /**
   * Stores a report with its obligations in one transaction, unless the same bytes were stored
   * already; at-least-once S3 events and re-uploads under another name land here as duplicates.
   */
  async saveReadReport(read: ReadReport, events: AuditEvent[]): Promise<SaveOutcome> {
    const report = sizedReportItem(read.report, 1);
    // A report that owed nothing may come to owe something (a person gave its date, or a body was
    // added), but only while nobody has changed it since it was read: a person's decisions stand.
    const condition =
      read.report.status === 'no-duty'
        ? replaceableOnly(REPLACEABLE_STATUSES)
        : {
            ConditionExpression:
              'attribute_not_exists(pk) OR #status = :failed OR (#status = :noDuty AND (#version = :first OR attribute_not_exists(#version)))',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: { ':failed': 'failed', ':noDuty': 'no-duty', ':first': 1 },
          };
    const identities = identitiesOf(read.report);
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: report, ...condition } },
            ...read.obligations.map((obligation) => ({ Put: { TableName: this.tableName, Item: obligationItem(obligation) } })),
            ...events.map((event) => eventPut(this.tableName, event)),
            ...this.lookupWrites(read.report, identities),
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
      const other = await this.reportWithIdentity(identities);
      if (other && other !== read.report.id) throw new IdentityTakenError(other);
      return 'duplicate';
    }
  }

  /**
   * The items by which a new report is found again: its identities, written only where no other
   * report holds them, the title lookup, and what it asks of a person.
   */
  private lookupWrites(report: Report, identities: readonly string[]) {
    const title = titleForcesKey(report);
    const review = reviewOf(report);
    return [
      ...identities.map((identity) => ({
        Put: {
          TableName: this.tableName,
          Item: { ...identityKey(identity), itemType: 'identity', reportId: report.id },
          ConditionExpression: 'attribute_not_exists(pk) OR reportId = :self',
          ExpressionAttributeValues: { ':self': report.id },
        },
      })),
      ...(title
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...titleKey(title, report.id), itemType: 'title', reportId: report.id, publishedOn: report.publishedOn },
              },
            },
          ]
        : []),
      ...(review ? [{ Put: { TableName: this.tableName, Item: reviewItem(review) } }] : []),
      // A reading that replaces an earlier one (which owed nothing) settles whatever that one asked of a person.
      ...REVIEW_KINDS.filter((what) => what !== review?.what).map((what) => ({
        Delete: { TableName: this.tableName, Key: reviewKey({ what, reportId: report.id }) },
      })),
    ];
  }

  /** The stored report holding the first of these identities that one holds, or null. */
  async reportWithIdentity(identities: readonly string[]): Promise<string | null> {
    for (const identity of identities) {
      const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: identityKey(identity), ConsistentRead: true }));
      if (typeof Item?.reportId === 'string') return Item.reportId;
    }
    return null;
  }

  /** The stored reports with this title and these forces, and their publication dates. */
  async reportsWithTitle(report: Report): Promise<Array<{ reportId: string; publishedOn: CalendarDate | null }>> {
    const title = titleForcesKey(report);
    if (!title) return [];
    const items = await this.inPartition(`TITLE#${title}`, 'REPORT#');
    return items.map((item) => ({ reportId: String(item.reportId), publishedOn: (item.publishedOn as CalendarDate | undefined) ?? null }));
  }

  /** Everything waiting for a person: possible duplicates, responses not linked to their report, and uploads read as neither report nor response. */
  async reviewItems(): Promise<ReviewItem[]> {
    return (await this.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': REVIEW_PARTITION } })).map((item) =>
      withoutKeys<ReviewItem>(item),
    );
  }

  /**
   * Writes a change to a stored report (a correction, progress recorded, a body added or retired): the
   * report if it changed, the obligations that did, and the audit events, in one transaction that
   * succeeds only if nobody changed the report since `state` was read.
   */
  async saveChange(state: ReportState, change: { report?: Report; obligations: Obligation[]; events: AuditEvent[] }): Promise<void> {
    // What the report asks of a person follows the change: it goes once settled (merged, dismissed,
    // linked, its kind said), and a new one comes when the change raises it (a kind corrected to a response).
    const before = reviewOf(state.report);
    const after = change.report ? reviewOf(change.report) : before;
    const settled = before && before.what !== after?.what ? before : null;
    const raised = after && JSON.stringify(after) !== JSON.stringify(before) ? after : null;
    const versionCheck = {
      ConditionExpression: 'attribute_exists(pk) AND (#version = :read OR (attribute_not_exists(#version) AND :read = :unversioned))',
      ExpressionAttributeNames: { '#version': 'version' },
    };
    const reportWrite = change.report
      ? {
          Put: {
            TableName: this.tableName,
            Item: sizedReportItem(change.report, state.version + 1),
            ...versionCheck,
            ExpressionAttributeValues: { ':read': state.version, ':unversioned': 0 },
          },
        }
      : {
          Update: {
            TableName: this.tableName,
            Key: reportKey(state.report.id),
            UpdateExpression: 'SET #version = :next',
            ...versionCheck,
            ExpressionAttributeValues: { ':read': state.version, ':unversioned': 0, ':next': state.version + 1 },
          },
        };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            reportWrite,
            ...change.obligations.map((obligation) => ({ Put: { TableName: this.tableName, Item: obligationItem(obligation) } })),
            ...change.events.map((event) => eventPut(this.tableName, event)),
            ...(settled ? [{ Delete: { TableName: this.tableName, Key: reviewKey(settled) } }] : []),
            ...(raised ? [{ Put: { TableName: this.tableName, Item: reviewItem(raised) } }] : []),
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error) || isTransactionConflict(error)) throw new ConcurrentChangeError(state.report.id);
      throw error;
    }
  }

  async saveFailedReport(report: Report): Promise<SaveOutcome> {
    try {
      await this.documents.send(new PutCommand({ TableName: this.tableName, Item: reportItem(report, 1), ...replaceableOnly(REPLACEABLE_STATUSES) }));
      return 'saved';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  }

  /** Obligations with a reminder planned on or before `today`, read from the sparse index only. */
  async *obligationsWithRemindersDue(today: CalendarDate): AsyncGenerator<Obligation> {
    const { name, partitionKey, sortKey } = TABLE_LAYOUT.remindersDueIndex;
    const items = this.query({
      IndexName: name,
      KeyConditionExpression: '#queue = :open AND #next <= :today',
      ExpressionAttributeNames: { '#queue': partitionKey, '#next': sortKey },
      ExpressionAttributeValues: { ':open': OPEN_REMINDER_QUEUE, ':today': today },
    });
    for await (const item of items) yield obligationFrom(item);
  }

  /**
   * Records a reminder in the ledger before it is sent, and says whether this caller may send it:
   * `claimed` (send it), `sent` (done before), `in-progress` (another scan claimed it moments ago) or
   * `unconfirmed` (claimed long ago and never marked sent: the sender died, or SES took it and the
   * ledger write after failed; a person must check rather than risk it going twice). A reminder whose
   * send failed may be claimed again.
   */
  async claimReminder(obligation: Obligation, reminder: PlannedReminder, claimedAt: Date, emailId: string): Promise<ClaimOutcome> {
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
            emailId,
            // Among the unsettled until its outcome is known: a claim whose sender died stays there for a person.
            unsettled: UNSETTLED_REMINDER,
            unsettledSince: claimedAt.toISOString(),
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
    if (Item?.status === 'sent' || Item?.status === 'rejected') return { outcome: 'sent' };
    const claimedBefore = String(Item?.claimedAt ?? '');
    const stale = Item?.status === 'unconfirmed' || Date.parse(claimedBefore) < claimedAt.getTime() - CLAIM_TIMEOUT_MS;
    return { outcome: stale ? 'unconfirmed' : 'in-progress', claimedAt: claimedBefore };
  }

  /**
   * Records what became of a reminder's email. Sent, failed or rejected, it leaves the unsettled; an
   * unconfirmed one stays there until SES's events, or a person, settle it. Settling never goes back:
   * a late answer cannot undo what SES's own events already said, except that SES's rejection of an
   * email it first took is final.
   */
  async recordReminderOutcome(entry: Pick<LedgerEntry, 'reportId' | 'bodyId' | 'dateKind' | 'dueOn' | 'stage'>, outcome: ReminderOutcome): Promise<void> {
    const { status, ...details } = outcome;
    const settled = status !== 'unconfirmed';
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: reminderKey(entry, entry),
          UpdateExpression: `SET #status = :status, #details = :details${settled ? ' REMOVE #unsettled, #since' : ''}`,
          ConditionExpression: `attribute_exists(pk) AND #status IN (:sending, :unconfirmed, :failed${status === 'rejected' ? ', :sent' : ''})`,
          ExpressionAttributeNames: {
            '#status': 'status',
            '#details': status === 'sent' ? 'delivery' : 'failure',
            ...(settled ? { '#unsettled': 'unsettled', '#since': 'unsettledSince' } : {}),
          },
          ExpressionAttributeValues: {
            ':status': status,
            ':details': details,
            ':sending': 'sending',
            ':unconfirmed': 'unconfirmed',
            ':failed': 'failed',
            ...(status === 'rejected' ? { ':sent': 'sent' } : {}),
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** The ledger entries one email carried, as its message tags name them. */
  async ledgerOfEmail(reportId: string, bodyId: string, emailId: string): Promise<LedgerEntry[]> {
    return (await this.inPartition(reportKey(reportId).pk, `REMINDER#${bodyId}#`))
      .map((item) => withoutKeys<LedgerEntry>(item))
      .filter((entry) => entry.emailId === emailId);
  }

  /** Records what SES said of one recipient of a reminder's email. */
  async recordRecipientOutcome(entry: LedgerEntry, address: string, outcome: NonNullable<LedgerEntry['recipients']>[string]): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: reminderKey(entry, entry),
        // The map is made with the first outcome, then each recipient's set in it.
        UpdateExpression: 'SET #recipients = if_not_exists(#recipients, :none)',
        ExpressionAttributeNames: { '#recipients': 'recipients' },
        ExpressionAttributeValues: { ':none': {} },
      }),
    );
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: reminderKey(entry, entry),
        UpdateExpression: 'SET #recipients.#address = :outcome',
        ExpressionAttributeNames: { '#recipients': 'recipients', '#address': address.toLowerCase() },
        ExpressionAttributeValues: { ':outcome': outcome },
      }),
    );
  }

  /** Notes that the deadline scan finished its pass for a day: what the morning check looks for. */
  async recordScanCompleted(on: CalendarDate, at: Date): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...SCAN_HEARTBEAT_KEY, itemType: 'heartbeat', completedOn: on, at: at.toISOString() } }),
    );
  }

  async lastScanCompletedOn(): Promise<CalendarDate | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: SCAN_HEARTBEAT_KEY, ConsistentRead: true }));
    return typeof Item?.completedOn === 'string' ? Item.completedOn : null;
  }

  /** Reminders claimed before `before` whose outcome is still not known: for a person to look into. */
  async unsettledReminders(before: Date): Promise<LedgerEntry[]> {
    const { name, partitionKey, sortKey } = TABLE_LAYOUT.unsettledRemindersIndex;
    const items = await this.queryAll({
      IndexName: name,
      KeyConditionExpression: '#unsettled = :reminder AND #since < :before',
      ExpressionAttributeNames: { '#unsettled': partitionKey, '#since': sortKey },
      ExpressionAttributeValues: { ':reminder': UNSETTLED_REMINDER, ':before': before.toISOString() },
    });
    return items.map((item) => withoutKeys<LedgerEntry>(item));
  }

  /**
   * Moves the obligation's next reminder on, or takes it out of the index when none is left. The
   * condition makes a concurrent scan, or a person's change, that already moved it win, rather than be undone.
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
