import { parentPort } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';
import { type Line, type TextItem, toLines } from './pdf-layout';

/** A share of a PDF's pages to read: those whose number, counted from 0, leaves `share` when divided by `shares`. */
export interface PageReadRequest {
  id: number;
  bytes: Uint8Array;
  share: number;
  shares: number;
}

export type PageReadResponse = { id: number; pages: { number: number; lines: Line[] }[] } | { id: number; failure: { name: string; message: string } };

/**
 * Pages read together. All at once, pdf.js holds every page's parsed content until the last is done;
 * a few at a time keeps memory flat and is no slower, as pdf.js still has the next page to work on
 * while the last one's text is handed back.
 */
const PAGES_AT_ONCE = 4;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * Runs in a worker thread (see pdf-text.ts): pdf.js is slow enough to want more than one core, and can
 * leave a rejected promise behind a damaged PDF, which here ends this thread, not the process.
 */
async function read({ id, bytes, share, shares }: PageReadRequest): Promise<PageReadResponse> {
  let document: PdfDocument | undefined;
  try {
    document = await getDocumentProxy(bytes, { verbosity: 0 });
    const numbers: number[] = [];
    for (let number = share + 1; number <= document.numPages; number += shares) numbers.push(number);
    const pages: { number: number; lines: Line[] }[] = [];
    for (let first = 0; first < numbers.length; first += PAGES_AT_ONCE) {
      const batch = numbers.slice(first, first + PAGES_AT_ONCE);
      pages.push(...(await Promise.all(batch.map(async (number) => ({ number, lines: toLines(await pageItems(document!, number)) })))));
    }
    return { id, pages };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { id, failure: { name, message } };
  } finally {
    await document?.destroy();
  }
}

/** A page's positioned text; the page's parsed resources are released as soon as it is read. */
async function pageItems(document: PdfDocument, number: number): Promise<TextItem[]> {
  const page = await document.getPage(number);
  try {
    const { items } = await page.getTextContent();
    return items.flatMap((item) => {
      if (!('str' in item)) return [];
      const [, , c, d, x, y] = item.transform as number[];
      return [{ str: item.str, x: x!, y: y!, width: item.width, fontSize: Math.hypot(c!, d!), hasEOL: item.hasEOL }];
    });
  } finally {
    page.cleanup();
  }
}

parentPort?.on('message', (request: PageReadRequest) => {
  void read(request).then((response) => parentPort!.postMessage(response));
});
