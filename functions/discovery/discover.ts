import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { CalendarDate } from '../../shared/calendar-date';
import { type DiscoverySource, isInspectorateDocument } from '../../shared/configuration';
import {
  type LandingPage,
  type ListedPublication,
  parseFeed,
  parseListing,
  readLandingPage,
  reasonToSkip,
  type SkipReason,
  UnreadableSourceError,
} from '../../shared/discovery';
import { DiscoveryTable, type SeenRecord } from '../commons/discovery-table';
import { DISCOVERY_PROBLEM_RUNS } from '../commons/operator-alerts';
import { UploadsBucket } from '../commons/uploads-bucket';
import { DISCOVERED_PREFIX, PUBLISHED_ON_METADATA, PUBLISHER_METADATA } from '../commons/wiring';
import { discoveryUserAgent, PoliteFetcher, type PoliteFetcherOptions, SourceFetchError, type Validators } from './polite-fetcher';

/** Metadata a discovered document carries beside `published-on`: where it came from, for a person checking it. */
export const DISCOVERY_METADATA = { sourceUrl: 'source-url', landingPage: 'landing-page' } as const;

export interface DiscoveryDependencies {
  fetcher: PoliteFetcher;
  discovery: DiscoveryTable;
  uploads: UploadsBucket;
  bucket: string;
  now: () => Date;
  /** The time this pass has left (the Lambda invocation's), in milliseconds. */
  remainingMs: () => number;
}

/**
 * A pass starts no new publication with less time left than this: one can take three requests of up to
 * the fetcher's 30 seconds each and a put, and the pass must still record where it got to.
 */
export const STOP_FOLLOWING_WITH_MS_LEFT = 120_000;

export interface PutDocument {
  url: string;
  landingPage: string;
  key: string;
  eTag: string;
  size: number;
  publishedOn: CalendarDate | null;
  /** A document put before, at the same address, whose content changed. */
  newVersion: boolean;
}

export interface SourceRun {
  source: string;
  /** The publications the source lists. */
  found: Array<{ title: string; url: string }>;
  /** The documents put into the uploads bucket this run. */
  fetched: PutDocument[];
  skipped: Array<{ url: string; title: string; reason: SkipReason }>;
  /** Addresses that could not be fetched this run; the source itself still counts as read. */
  errors: Array<{ url: string; message: string }>;
  /** Publications the pass had no time left for: the next run starts with them. */
  left: number;
  /** Why the source itself failed or gave nothing, when it did. */
  problem: string | null;
  consecutiveProblems: number;
  alarm: boolean;
}

/**
 * The pass's adapters, made once (per cold start in AWS): the fetcher keeps its spacing per host across
 * passes, so two passes close together cannot hit a site twice in a second.
 */
export function discoveryDependencies(
  names: { tableName: string; bucket: string },
  contact: string,
  spacing: Pick<PoliteFetcherOptions, 'minIntervalMs'> = {},
): DiscoveryDependencies {
  return {
    fetcher: new PoliteFetcher({ userAgent: discoveryUserAgent(contact), ...spacing }),
    discovery: new DiscoveryTable(new DynamoDBClient({}), names.tableName),
    uploads: new UploadsBucket(new S3Client({})),
    bucket: names.bucket,
    now: () => new Date(),
    remainingMs: () => Number.POSITIVE_INFINITY,
  };
}

const fingerprintOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The key a document is put under: one per address, so a changed document becomes a new version of the same object. */
export function discoveredKey(documentUrl: string): string {
  const url = new URL(documentUrl);
  const path = `${url.pathname}${url.search}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'index';
  return `${DISCOVERED_PREFIX}${url.host.replace(/[^A-Za-z0-9.-]+/g, '-')}/${path}`;
}

const isDocumentAddress = (url: string) => /\.pdf([?#]|$)|\/publication-html\//i.test(url);

/** One source's run: read its listing, follow each publication to its report, and put each new or changed report. */
class SourceWalk {
  readonly run: Omit<SourceRun, 'consecutiveProblems' | 'alarm' | 'problem' | 'left'>;

  constructor(
    private readonly source: DiscoverySource,
    private readonly dependencies: DiscoveryDependencies,
  ) {
    this.run = { source: source.url, found: [], fetched: [], skipped: [], errors: [] };
  }

  /** Fetches an address unless it is unchanged since last seen; `changed` is null when it is (by the site's word, or by its fingerprint). */
  private async fetchChanged(url: string): Promise<{ before: SeenRecord | null; changed: { body: Uint8Array; contentType: string; seen: SeenRecord } | null }> {
    const before = await this.dependencies.discovery.getSeen(this.source.url, url);
    const outcome = await this.dependencies.fetcher.get(url, before);
    if (outcome.status === 'not-modified') return { before, changed: null };
    const fingerprint = fingerprintOf(outcome.body);
    if (before?.fingerprint === fingerprint) {
      // A site can give an unchanged document new validators (new servers, a CDN): asking with the old ones would fetch it whole every run.
      if (before.eTag !== outcome.eTag || before.lastModified !== outcome.lastModified) {
        await this.dependencies.discovery.putSeen(this.source.url, { ...before, eTag: outcome.eTag, lastModified: outcome.lastModified });
      }
      return { before, changed: null };
    }
    const seen = { url, fingerprint, eTag: outcome.eTag, lastModified: outcome.lastModified, seenAt: this.dependencies.now().toISOString(), reading: null };
    return { before, changed: { body: outcome.body, contentType: outcome.contentType, seen } };
  }

  /** The landing page as read now, or as read before when it has not changed since. */
  private async landingPage(url: string): Promise<LandingPage> {
    const { before, changed } = await this.fetchChanged(url);
    if (!changed) {
      if (before?.reading) return JSON.parse(before.reading) as LandingPage;
      throw new SourceFetchError(url, 'the site says the page is unchanged, but no reading of it is stored');
    }
    const reading = readLandingPage(new TextDecoder().decode(changed.body), url);
    await this.dependencies.discovery.putSeen(this.source.url, { ...changed.seen, reading: JSON.stringify(reading) });
    return reading;
  }

  private async putIfChanged(documentUrl: string, landingPage: string, publishedOn: CalendarDate | null): Promise<void> {
    const { before, changed } = await this.fetchChanged(documentUrl);
    if (!changed) return;
    const key = discoveredKey(documentUrl);
    const metadata: Record<string, string> = {
      [DISCOVERY_METADATA.sourceUrl]: this.source.url,
      [DISCOVERY_METADATA.landingPage]: landingPage,
      ...(publishedOn ? { [PUBLISHED_ON_METADATA]: publishedOn } : {}),
      // The kind rules read the document's text only; its source can settle whose it is.
      ...(isInspectorateDocument(this.source, documentUrl) ? { [PUBLISHER_METADATA]: 'inspectorate' } : {}),
    };
    const { eTag } = await this.dependencies.uploads.putDocument({
      bucket: this.dependencies.bucket,
      key,
      bytes: changed.body,
      contentType: changed.contentType,
      metadata,
    });
    // Recorded only once the document is in the bucket: a put that failed is tried again next run.
    await this.dependencies.discovery.putSeen(this.source.url, changed.seen);
    this.run.fetched.push({ url: documentUrl, landingPage, key, eTag, size: changed.body.length, publishedOn, newVersion: before !== null });
  }

  /** Follows one listed publication to its report; a news item leads to the report it announces, one step only. */
  async follow(publication: ListedPublication): Promise<void> {
    const skip = reasonToSkip(publication.title, publication.url);
    if (skip) {
      this.run.skipped.push({ url: publication.url, title: publication.title, reason: skip });
      return;
    }
    if (isDocumentAddress(publication.url)) {
      await this.putIfChanged(publication.url, this.source.url, publication.listedOn);
      return;
    }
    let page = publication.url;
    let reading = await this.landingPage(page);
    if (reading.kind === 'announcement') {
      page = reading.reportPage;
      const announcedOn = reading.publishedOn;
      reading = await this.landingPage(page);
      if (reading.kind === 'report' && !reading.publishedOn) reading = { ...reading, publishedOn: announcedOn };
    }
    if (reading.kind === 'skipped') {
      this.run.skipped.push({ url: page, title: reading.title, reason: reading.reason });
      return;
    }
    if (reading.kind === 'announcement') {
      const reason: SkipReason = { code: 'no-report-found', message: `"${reading.title}" announces another announcement, not a report` };
      this.run.skipped.push({ url: page, title: reading.title, reason });
      return;
    }
    await this.putIfChanged(reading.document.url, page, reading.publishedOn ?? publication.listedOn);
  }

  /** The publications the source lists now, with the validators to ask with next time, or null when it is unchanged since `stored`. */
  async listed(stored: Validators | null): Promise<{ publications: ListedPublication[]; validators: Validators } | null> {
    const outcome = await this.dependencies.fetcher.get(this.source.url, stored);
    if (outcome.status === 'not-modified') return null;
    const text = new TextDecoder().decode(outcome.body);
    const publications = this.source.kind === 'feed' ? parseFeed(text, this.source.url) : parseListing(text, this.source.url);
    return { publications, validators: { eTag: outcome.eTag, lastModified: outcome.lastModified } };
  }
}

/** A publication that could not be followed is recorded and the others go on; only errors of the network or the site are expected. */
function isExpected(error: unknown): error is SourceFetchError | UnreadableSourceError {
  return error instanceof SourceFetchError || error instanceof UnreadableSourceError;
}

/**
 * One discovery pass over one source: what it lists, each publication followed to its report, each new
 * or changed report put into the uploads bucket for the ingest, and the source's run of problems counted.
 */
export async function discoverSource(source: DiscoverySource, dependencies: DiscoveryDependencies): Promise<SourceRun> {
  const walk = new SourceWalk(source, dependencies);
  const before = await dependencies.discovery.getSource(source.url);
  let problem: string | null = null;
  let validators: Validators = { eTag: before?.eTag ?? null, lastModified: before?.lastModified ?? null };
  let left = 0;
  let resumeAt = before?.resumeAt ?? null;
  try {
    const listed = await walk.listed(before);
    if (listed) {
      walk.run.found.push(...listed.publications.map(({ title, url }) => ({ title, url })));
      if (listed.publications.length === 0) problem = `${source.url} listed no publications this run: check whether the page's markup changed`;
      const publications = resumingAt(listed.publications, before?.resumeAt ?? null);
      const followed = await followWhileTimeLeft(walk, publications, dependencies.remainingMs);
      left = publications.length - followed;
      resumeAt = publications[followed]?.url ?? null;
      if (followed > 0 && walk.run.errors.length === followed) {
        problem = `none of the ${followed} publications ${source.url} listed could be followed: ${walk.run.errors[0]!.message}`;
      }
      // A listing is remembered as seen only when every publication on it was followed: otherwise the
      // next run asks for it whole again, and tries again those that failed or were not reached (the
      // others answer 304).
      validators = listed.publications.length > 0 && walk.run.errors.length === 0 && left === 0 ? listed.validators : { eTag: null, lastModified: null };
    }
  } catch (error) {
    if (!isExpected(error)) throw error;
    problem = error.message;
    validators = { eTag: null, lastModified: null };
  }
  const consecutiveProblems = problem ? (before?.consecutiveProblems ?? 0) + 1 : 0;
  await dependencies.discovery.putSource({
    ...source,
    ...validators,
    lastRunAt: dependencies.now().toISOString(),
    consecutiveProblems,
    lastProblem: problem,
    resumeAt,
  });
  return { ...walk.run, left, problem, consecutiveProblems, alarm: consecutiveProblems >= DISCOVERY_PROBLEM_RUNS };
}

/** The publications from the one the last run did not reach, then those before it: a long listing is walked over several runs, not begun again each time. */
function resumingAt(publications: ListedPublication[], resumeAt: string | null): ListedPublication[] {
  const start = resumeAt === null ? -1 : publications.findIndex((publication) => publication.url === resumeAt);
  return start > 0 ? [...publications.slice(start), ...publications.slice(0, start)] : publications;
}

/** Follows publications in turn until there is too little time left to start another; returns how many it followed. */
async function followWhileTimeLeft(walk: SourceWalk, publications: ListedPublication[], remainingMs: () => number): Promise<number> {
  let followed = 0;
  for (const publication of publications) {
    if (remainingMs() < STOP_FOLLOWING_WITH_MS_LEFT) break;
    try {
      await walk.follow(publication);
    } catch (error) {
      if (!isExpected(error)) throw error;
      walk.run.errors.push({ url: publication.url, message: error.message });
    }
    followed++;
  }
  return followed;
}

/** A discovery pass over every source, one after another, so the per-host spacing holds across them. */
export async function discover(sources: DiscoverySource[], dependencies: DiscoveryDependencies): Promise<SourceRun[]> {
  const runs: SourceRun[] = [];
  for (const source of sources) runs.push(await discoverSource(source, dependencies));
  return runs;
}
