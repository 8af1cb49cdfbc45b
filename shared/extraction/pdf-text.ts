import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StructuredDocument } from './blocks';
import { UnreadableDocumentError } from './errors';
import { type Line, pagesToBlocks } from './pdf-layout';
import type { PageReadRequest, PageReadResponse, PdfFailure } from './pdf-pages-worker';

/**
 * The page reader's script. Bundled for Lambda, it sits beside the handler's bundle under this name
 * (infra/project-function.ts builds it from `source`). Run from source, as in the tests and the local
 * stack, it is TypeScript, which Node 20 cannot load in a worker by itself: a small script registers
 * tsx in the worker first.
 */
export const PDF_PAGE_READER = {
  source: 'shared/extraction/pdf-pages-worker.ts',
  bundled: 'pdf-pages-worker.mjs',
} as const;

/** PDFium's WebAssembly module, which the Lambda bundle carries beside the page reader under this name. */
export const PDFIUM_WASM = { source: 'node_modules/@hyzyla/pdfium/dist/pdfium.wasm', bundled: 'pdfium.wasm' } as const;

const fromSource = import.meta.url.endsWith('.ts');

function readerScript(): URL {
  return fromSource ? new URL('./pdf-pages-worker.from-source.mjs', import.meta.url) : new URL(`./${PDF_PAGE_READER.bundled}`, import.meta.url);
}

let pdfium: Promise<WebAssembly.Module> | undefined;

/**
 * PDFium compiled once for the process, while its readers start: each reader instantiates the same
 * compiled module rather than compiling four megabytes of WebAssembly for itself.
 */
function compiledPdfium(): Promise<WebAssembly.Module> {
  const file = fromSource ? createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm') : new URL(`./${PDFIUM_WASM.bundled}`, import.meta.url);
  pdfium ??= readFile(file).then((binary) => WebAssembly.compile(binary));
  return pdfium;
}

/**
 * More readers than this gain nothing on a report of a few hundred pages: each opens the whole file
 * and holds its own PDFium, whose memory a WebAssembly module never gives back.
 */
const MOST_READERS = 2;

interface Pending {
  resolve: (response: PageReadResponse) => void;
  reject: (error: Error) => void;
}

/**
 * A worker thread reading pages with PDFium. One that fails or is stopped ends, fails what it was
 * reading, and is replaced on next use.
 */
class PageReader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  ended = false;

  constructor() {
    this.worker = new Worker(readerScript());
    this.worker.on('message', (response: PageReadResponse) => {
      this.pending.get(response.id)?.resolve(response);
      this.pending.delete(response.id);
      this.holdProcessOpen();
    });
    this.worker.on('error', (error) => this.end(error));
    this.worker.on('exit', (code) => this.end(new Error(`The PDF reader stopped (exit code ${code}).`)));
    this.holdProcessOpen();
  }

  async read(bytes: Uint8Array, share: number, shares: number): Promise<PageReadResponse> {
    const pdfium = await compiledPdfium();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.holdProcessOpen();
      this.worker.postMessage({ id, bytes, share, shares, pdfium } satisfies PageReadRequest);
    });
  }

  /** While reading, the reader keeps the process alive for its answer; idle, it must not keep a command-line run from ending. */
  private holdProcessOpen(): void {
    if (this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  /** Ends the reader, failing what it was reading with `error`. */
  stop(error: Error): void {
    this.end(error);
    void this.worker.terminate();
  }

  /** Fails everything in flight; an error after the last reply has nobody left to tell but ends the reader all the same. */
  private end(error: Error): void {
    this.ended = true;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

const readers: PageReader[] = [];

/** The process's readers, created on first use and kept for the next document, as a Lambda container keeps them between invocations. */
function pageReaders(): PageReader[] {
  const count = Math.max(1, Math.min(MOST_READERS, availableParallelism()));
  for (let index = 0; index < count; index++) {
    if (readers[index] === undefined || readers[index]!.ended) readers[index] = new PageReader();
  }
  return readers.slice(0, count);
}

/** What reading one PDF may take before it is refused. */
export interface PdfReadLimits {
  deadlineMs: number;
  /** How far the process's resident memory may grow while reading it. */
  memoryMb: number;
}

export const PDF_READ_LIMITS: PdfReadLimits = {
  // Many times what a report of a few hundred pages takes (README.md, "Measured"), and short enough that
  // a PDF that sends PDFium round in circles is stopped inside the ingest Lambda's one-minute timeout,
  // with time left to record its upload as unreadable. A read stopped here is not tried again.
  deadlineMs: 20_000,
  // Well above what a long report grows the process by, readers included. A few hundred kilobytes of
  // PDF can inflate to gigabytes (a decompression bomb): stopping here keeps the peak inside the ingest
  // Lambda's memory (infra/fiftysix-stack.ts), where going over would kill the invocation instead.
  // Growth is the process's, so PDFs read at the same time (only in the local stack: Lambda reads one
  // per container) count against each other.
  memoryMb: 512,
};

/** Often enough to catch a stream inflating at a gigabyte a second before it has taken much more. */
const MEMORY_CHECK_MS = 10;

/** The PDF went over one of its limits: its readers were stopped. */
class ReadLimitError extends Error {
  constructor(
    readonly limit: keyof PdfReadLimits,
    readonly limits: PdfReadLimits,
  ) {
    super(
      limit === 'deadlineMs'
        ? `Reading the PDF took over ${limits.deadlineMs} ms.`
        : `Reading the PDF took the process's memory up by over ${limits.memoryMb} MB.`,
    );
  }
}

/**
 * How a whole PDF ends: `startxref`, where its cross-reference table is, then `%%EOF`, with at most a
 * kilobyte after it, as Acrobat allows.
 */
const COMPLETE_END = /startxref\s+(\d+)\s*%%EOF[\s\S]{0,1024}$/;

/**
 * A file cut short has lost its end, and one whose table would lie past its end has lost bytes on the
 * way: PDFium would rebuild what it could find, and a report could be read without its later pages.
 */
function requireComplete(bytes: Uint8Array): void {
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1100).toString('latin1');
  const last = COMPLETE_END.exec(end);
  if (last && Number(last[1]) < bytes.length) return;
  throw new UnreadableDocumentError(
    'corrupt',
    'The PDF seems cut short: it does not end as a complete PDF does, so pages may be missing. Upload the complete PDF (download it again, or save it again from the original).',
  );
}

/** A PDF as blocks: headings by their type, list items by their markers, paragraphs (see pagesToBlocks). */
export async function pdfDocument(bytes: Uint8Array, limits: PdfReadLimits = PDF_READ_LIMITS): Promise<StructuredDocument> {
  return pagesToBlocks(await pdfPages(bytes, limits));
}

/** Each page's printed lines; the pages are shared out between worker threads. */
async function pdfPages(bytes: Uint8Array, limits: PdfReadLimits): Promise<Line[][]> {
  requireComplete(bytes);
  const responses = await readPages(bytes, limits)
    // The PDF that stopped a reader may be another one it was reading at the same time: readers are
    // replaced and this one read again, and only a second stop is put down to this PDF. Going over a
    // limit is this PDF's own doing.
    .catch((error: unknown) => {
      if (error instanceof ReadLimitError) throw error;
      return readPages(bytes, limits);
    })
    .catch((error: unknown) => {
      throw readerError(error);
    });
  const pages: Line[][] = [];
  for (const response of responses) {
    if ('failure' in response) throw pdfError(response.failure);
    for (const { number, lines } of response.pages) pages[number - 1] = lines;
  }
  return pages;
}

async function readPages(bytes: Uint8Array, limits: PdfReadLimits): Promise<PageReadResponse[]> {
  const shares = pageReaders();
  let overLimit: ReadLimitError | undefined;
  const stop = (limit: keyof PdfReadLimits) => {
    overLimit ??= new ReadLimitError(limit, limits);
    // Another PDF these readers were reading at the same time fails too, and is read again by pdfPages.
    for (const reader of shares) reader.stop(new Error(`The PDF reader was stopped: ${overLimit.message}`));
  };
  const deadline = setTimeout(() => stop('deadlineMs'), limits.deadlineMs);
  const memoryAtStart = process.memoryUsage.rss();
  const memoryCheck = setInterval(() => {
    if (process.memoryUsage.rss() - memoryAtStart > limits.memoryMb * 1024 * 1024) stop('memoryMb');
  }, MEMORY_CHECK_MS);
  try {
    return await Promise.all(shares.map((reader, share) => reader.read(bytes, share, shares.length)));
  } catch (error) {
    throw overLimit ?? error;
  } finally {
    clearTimeout(deadline);
    clearInterval(memoryCheck);
  }
}

/** Why the readers could not answer: out of time, out of memory, or stopped by what PDFium made of the file. */
function readerError(error: unknown): UnreadableDocumentError {
  if (error instanceof ReadLimitError && error.limit === 'deadlineMs') {
    return new UnreadableDocumentError(
      'corrupt',
      `The PDF could not be read within ${error.limits.deadlineMs / 1000} seconds, which a report of a few hundred pages takes well under: it is probably damaged. Re-save it from the original and upload that copy.`,
      { cause: error },
    );
  }
  if (error instanceof ReadLimitError || (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UnreadableDocumentError(
      'too-large',
      'The PDF needs more memory to read than this service allows: upload the report without embedded attachments, or re-save it as a smaller PDF.',
      { cause: error },
    );
  }
  return corrupt(error);
}

function pdfError(failure: { reason: PdfFailure; message: string }): UnreadableDocumentError {
  const cause = new Error(failure.message);
  if (failure.reason === 'password') {
    return new UnreadableDocumentError('encrypted', 'The PDF is password-protected: upload a copy saved without a password.', { cause });
  }
  return corrupt(cause);
}

function corrupt(cause: unknown): UnreadableDocumentError {
  return new UnreadableDocumentError(
    'corrupt',
    'The PDF is damaged or incomplete and cannot be read: download it again or re-save it from the original, then upload that copy.',
    { cause },
  );
}
