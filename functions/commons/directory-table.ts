import { ConditionalCheckFailedException, type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, paginateQuery, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../shared/audit';
import type { BodyRecord, SuppressedRecipient, UserRecord } from '../../shared/directory';
import { eventPut } from './reports-table';

const bodyKey = (bodyId: string) => ({ pk: 'BODIES', sk: `BODY#${bodyId}` });
const calendarKey = (bodyId: string) => ({ pk: `BODY#${bodyId}`, sk: 'CALENDAR' });
const userKey = (email: string) => ({ pk: 'USERS', sk: `USER#${email.toLowerCase()}` });

/** A body or user added that exists already, or changed that does not. */
export class DirectoryConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryConflictError';
  }
}

/** An item as the domain knows it, without the table's keys and item type. */
export function withoutKeys<T>({ pk: _pk, sk: _sk, itemType: _itemType, ...rest }: Record<string, unknown>): T {
  return rest as T;
}

/**
 * The DynamoDB adapter for who FiftySix serves: the local policing bodies, their calendar links, and
 * the users who sign in (see table-layout.ts). Every change is written with its audit event.
 */
export class DirectoryTable {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  private async partition<T>(pk: string, prefix: string): Promise<T[]> {
    const items: T[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []).map((item) => withoutKeys<T>(item)));
    return items;
  }

  /** Every body, retired ones included, in id order. */
  listBodies(): Promise<BodyRecord[]> {
    return this.partition<BodyRecord>('BODIES', 'BODY#');
  }

  async getBody(bodyId: string): Promise<BodyRecord | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: bodyKey(bodyId), ConsistentRead: true }));
    return Item ? withoutKeys<BodyRecord>(Item) : null;
  }

  listUsers(): Promise<UserRecord[]> {
    return this.partition<UserRecord>('USERS', 'USER#');
  }

  async getUser(email: string): Promise<UserRecord | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: userKey(email) }));
    return Item ? withoutKeys<UserRecord>(Item) : null;
  }

  /** The body's calendar link secret, or null before one was made. */
  async calendarToken(bodyId: string): Promise<string | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: calendarKey(bodyId) }));
    return typeof Item?.token === 'string' ? Item.token : null;
  }

  /** Sets the body's calendar link secret; `onlyIfNone` makes a first one without replacing one already made. */
  async setCalendarToken(bodyId: string, token: string, events: AuditEvent[], options: { onlyIfNone?: boolean } = {}): Promise<boolean> {
    return this.write(
      [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...calendarKey(bodyId), itemType: 'calendar-link', bodyId, token },
            ...(options.onlyIfNone ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          },
        },
      ],
      events,
    );
  }

  /** Stores a body as changed from `before` (null: a new body, refused if one has the id already). */
  async saveBody(before: BodyRecord | null, after: BodyRecord, events: AuditEvent[]): Promise<void> {
    const saved = await this.write(
      [{ Put: { TableName: this.tableName, Item: { ...bodyKey(after.id), itemType: 'body', ...after }, ...unchangedSince(before) } }],
      events,
    );
    if (!saved)
      throw new DirectoryConflictError(
        before ? `There is no body "${after.id}" to change` : `A body with the id "${after.id}" exists already: choose another id`,
      );
  }

  async saveUser(before: UserRecord | null, after: UserRecord, events: AuditEvent[]): Promise<void> {
    const saved = await this.write(
      [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...userKey(after.email), itemType: 'user', ...after, email: after.email.toLowerCase() },
            ...unchangedSince(before),
          },
        },
      ],
      events,
    );
    if (!saved) throw new DirectoryConflictError(before ? `There is no user ${after.email} to change` : `A user ${after.email} exists already`);
  }

  /**
   * Adds recipients SES said not to email again to a body's suppressed list, with the audit event;
   * an address suppressed already is left as it was. The list is compared as read, so an
   * administrator's change or another event landing meanwhile is read again rather than overwritten.
   * Resolves to the body as it now is, or null when there is no such body.
   */
  async suppressRecipients(bodyId: string, recipients: readonly SuppressedRecipient[], event: (body: BodyRecord) => AuditEvent): Promise<BodyRecord | null> {
    for (let attempt = 1; ; attempt += 1) {
      const body = await this.getBody(bodyId);
      if (!body) return null;
      const known = new Set((body.suppressed ?? []).map((each) => each.address.toLowerCase()));
      const added = recipients.filter((each) => !known.has(each.address.toLowerCase()));
      if (added.length === 0) return body;
      const after: BodyRecord = { ...body, suppressed: [...(body.suppressed ?? []), ...added] };
      const written = await this.write(
        [
          {
            Update: {
              TableName: this.tableName,
              Key: bodyKey(bodyId),
              UpdateExpression: 'SET #suppressed = :after',
              ConditionExpression: body.suppressed ? '#suppressed = :before' : 'attribute_exists(pk) AND attribute_not_exists(#suppressed)',
              ExpressionAttributeNames: { '#suppressed': 'suppressed' },
              ExpressionAttributeValues: { ':after': after.suppressed, ...(body.suppressed ? { ':before': body.suppressed } : {}) },
            },
          },
        ],
        [event(after)],
      );
      if (written) return after;
      if (attempt === 3)
        throw new DirectoryConflictError(`The body "${bodyId}" kept changing while its suppressed recipients were recorded: it will be tried again`);
    }
  }

  /** Writes the items with their audit events in one transaction; false when a condition failed. */
  private async write(items: Array<Record<string, unknown>>, events: AuditEvent[]): Promise<boolean> {
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: [...items, ...events.map((event) => eventPut(this.tableName, event))] }));
      return true;
    } catch (error) {
      const conditionFailed =
        error instanceof ConditionalCheckFailedException ||
        (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'));
      if (conditionFailed) return false;
      throw error;
    }
  }
}

/** A new item must not exist yet; a changed one must (a retired body or removed user is kept, so it always does). */
function unchangedSince(before: unknown) {
  return { ConditionExpression: before ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)' };
}
