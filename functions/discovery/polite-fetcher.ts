import { DEFAULT_MAX_DOCUMENT_BYTES } from '../commons/environment';

/** What was stored of an earlier fetch of an address, for a conditional request. */
export interface Validators {
  eTag: string | null;
  lastModified: string | null;
}

export type FetchOutcome = { status: 'not-modified' } | ({ status: 'fetched'; body: Uint8Array; contentType: string } & Validators);

/** An address that could not be fetched: the network failed, it timed out, or the site answered with an error. */
export class SourceFetchError extends Error {
  readonly code = 'fetch-failed';
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`${url} could not be fetched: ${reason}`);
    this.name = 'SourceFetchError';
  }
}

export interface PoliteFetcherOptions {
  /** Names the project and whom a site's operator can contact about it. */
  userAgent: string;
  /** The least time between two requests to one host: one a second, as a crawler's manners ask. */
  minIntervalMs?: number;
  timeoutMs?: number;
  /** The most a fetched body may hold: what an upload may be, since what is fetched is put into the uploads bucket. */
  maxBytes?: number;
  /** The clock the spacing is kept by; a test gives its own, to see the waits without waiting. */
  clock?: { now: () => number; sleep: (ms: number) => Promise<void> };
}

/** The first page of a site answers in well under this; a report PDF of tens of megabytes on a slow site does not. */
const DEFAULT_TIMEOUT_MS = 30_000;

const REAL_CLOCK = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };

/**
 * The one place discovery reaches the network: each request names the project and a contact, asks only
 * for what changed since the stored ETag or Last-Modified, is spaced from the last request to the same
 * host, and gives up after a timeout.
 */
export class PoliteFetcher {
  private readonly nextRequestAt = new Map<string, number>();
  private readonly minIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly clock: NonNullable<PoliteFetcherOptions['clock']>;

  constructor(private readonly options: PoliteFetcherOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    this.clock = options.clock ?? REAL_CLOCK;
  }

  /** Books the host's next slot before waiting for it, so requests started together still go a slot apart. */
  private async takeTurn(host: string): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextRequestAt.get(host) ?? 0);
    this.nextRequestAt.set(host, at + this.minIntervalMs);
    if (at > now) await this.clock.sleep(at - now);
  }

  async get(url: string, stored: Validators | null): Promise<FetchOutcome> {
    await this.takeTurn(new URL(url).host);
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent };
    if (stored?.eTag) headers['if-none-match'] = stored.eTag;
    if (stored?.lastModified) headers['if-modified-since'] = stored.lastModified;
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new SourceFetchError(url, failureReason(error));
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel();
      throw new SourceFetchError(url, `the site answered ${response.status} ${response.statusText}`);
    }
    let body: Uint8Array;
    try {
      body = await this.boundedBody(url, response);
    } catch (error) {
      // The timeout and a dropped connection can strike while the body is still coming, after the headers.
      if (error instanceof SourceFetchError) throw error;
      throw new SourceFetchError(url, failureReason(error));
    }
    return {
      status: 'fetched',
      body,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      eTag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }

  /**
   * The body, read no further than maxBytes: a site's declared length may be missing or wrong, and a
   * document bigger than an upload may be would only be refused by the ingest after filling this
   * function's memory.
   */
  private async boundedBody(url: string, response: Response): Promise<Uint8Array> {
    const tooLarge = () => new SourceFetchError(url, `the document is larger than ${sizeInWords(this.maxBytes)}, more than an upload may be`);
    if (!response.body) return new Uint8Array();
    const reader = response.body.getReader();
    if (Number(response.headers.get('content-length') ?? 0) > this.maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      length += read.value.length;
      if (length > this.maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(read.value);
    }
    const body = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.length;
    }
    return body;
  }
}

/** What the network said went wrong: undici puts the socket's own error in `cause`. */
function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function sizeInWords(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.floor(megabytes)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The User-Agent a deployment's crawler sends. */
export function discoveryUserAgent(contact: string): string {
  return `FiftySix/0.1 (section 55 response tracker; +${contact})`;
}
