import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { DiscoverySource } from '../../shared/configuration';
import { withoutKeys } from './directory-table';

/** Every source in one partition, so the alerts read them all in one query. */
const SOURCES_PARTITION = 'DISCOVERY';
const sourceKey = (url: string) => ({ pk: SOURCES_PARTITION, sk: `SOURCE#${url}` });
const seenKey = (sourceUrl: string, url: string) => ({ pk: `SOURCE#${sourceUrl}`, sk: `SEEN#${url}` });

/** How a source fared: a run that fails, or finds nothing it can read, adds one to `consecutiveProblems`; a good run clears it. */
export interface SourceRecord extends DiscoverySource {
  eTag: string | null;
  lastModified: string | null;
  lastRunAt: string;
  consecutiveProblems: number;
  /** What went wrong on the last run, when it did. */
  lastProblem: string | null;
  /** The first publication the last run had no time left for, where the next run starts; null when it reached them all. */
  resumeAt: string | null;
}

/** An address a source led to (a landing page or a document), as last fetched: a page unchanged since is not fetched again. */
export interface SeenRecord {
  url: string;
  /** The SHA-256 of what was fetched: the same address with other content is a new version. */
  fingerprint: string;
  eTag: string | null;
  lastModified: string | null;
  seenAt: string;
  /** For a landing page, what it was read as (JSON), so an unchanged page need not be fetched to know where its report is. */
  reading: string | null;
}

/** The DynamoDB adapter for discovery's memory: each source's state and what each one led to (see table-layout.ts). */
export class DiscoveryTable {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async getSource(url: string): Promise<SourceRecord | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: sourceKey(url), ConsistentRead: true }));
    return Item ? withoutKeys<SourceRecord>(Item) : null;
  }

  async putSource(source: SourceRecord): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...sourceKey(source.url), itemType: 'discovery-source', ...source } }));
  }

  async listSources(): Promise<SourceRecord[]> {
    const sources: SourceRecord[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': SOURCES_PARTITION, ':prefix': 'SOURCE#' },
      },
    );
    for await (const page of pages) sources.push(...(page.Items ?? []).map((item) => withoutKeys<SourceRecord>(item)));
    return sources;
  }

  async getSeen(sourceUrl: string, url: string): Promise<SeenRecord | null> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: seenKey(sourceUrl, url), ConsistentRead: true }));
    return Item ? withoutKeys<SeenRecord>(Item) : null;
  }

  async putSeen(sourceUrl: string, seen: SeenRecord): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...seenKey(sourceUrl, seen.url), itemType: 'discovery-seen', ...seen } }));
  }
}
