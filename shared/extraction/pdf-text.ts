import { getDocumentProxy } from 'unpdf';
import { UnreadableDocumentError } from './errors';
import { startsListItem } from './paragraphs';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/**
 * Pages read together. All at once, pdf.js holds every page's parsed content until the last is done
 * (about 840 MB peak on 3,000 pages); eight at a time keeps it to about 540 MB and is no slower, as
 * pdf.js still has the next page to work on while the last one's text is handed back.
 */
const PAGES_AT_ONCE = 8;

/**
 * The text of a PDF, one paragraph per line. PDFs only hold positioned lines, so a line that runs to
 * the right margin, where the next line's first word would not have fitted, is taken as wrapped and
 * joined to the next; a larger vertical gap becomes a blank line. Without this, a recommendation
 * broken across lines could not be told from the paragraph after it.
 */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  let document;
  try {
    // pdf.js may detach the buffer it is given; the caller's bytes stay usable.
    document = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    const pages: Line[][] = [];
    for (let first = 1; first <= document.numPages; first += PAGES_AT_ONCE) {
      const numbers = Array.from({ length: Math.min(PAGES_AT_ONCE, document.numPages - first + 1) }, (_, index) => first + index);
      pages.push(...(await Promise.all(numbers.map(async (number) => toLines(await pageItems(document, number))))));
    }
    // A loop, not Math.max(...lines): spreading a long report's lines as arguments overflows the stack.
    const right = pages.reduce((furthest, lines) => lines.reduce((max, line) => Math.max(max, line.right), furthest), 0);
    const layout = { right, pitch: linePitch(pages) };
    return pages.map((lines) => joinLines(lines, layout)).join('\n');
  } catch (error) {
    throw pdfError(error);
  } finally {
    await document.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** A page's positioned text; the page's parsed resources are released as soon as it is read. */
async function pageItems(document: PdfDocument, number: number): Promise<Item[]> {
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

function pdfError(error: unknown): UnreadableDocumentError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new UnreadableDocumentError(
      'encrypted',
      'The PDF is password-protected: upload a copy saved without a password.',
      { cause: error },
    );
  }
  return new UnreadableDocumentError(
    'corrupt',
    'The PDF is damaged or incomplete and cannot be read: download it again or re-save it from the original, then upload that copy.',
    { cause: error },
  );
}

function toLines(items: Item[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const size = item.fontSize || 1;
    if (current && item.str !== '' && Math.abs(item.y - current.y) > Math.max(size, current.size) * 0.5) {
      lines.push(current);
      current = null;
    }
    if (item.str !== '') {
      if (!current) {
        current = { text: '', left: item.x, right: item.x, y: item.y, size };
      } else if (item.x - current.right > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
        current.text += ' ';
      }
      current.text += item.str;
      current.left = Math.min(current.left, item.x);
      current.right = Math.max(current.right, item.x + item.width);
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    // Typeset ligatures become their letters, so "ﬁrearms" reads as "firearms".
    .map((line) => ({ ...line, text: line.text.replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC')) }))
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text !== '');
}

interface Layout {
  /** The right margin: the furthest any line reaches. */
  right: number;
  /** The usual distance between one line and the next, so that a paragraph's extra space stands out. */
  pitch: number;
}

function linePitch(pages: Line[][]): number {
  const gaps = pages
    .flatMap((lines) => lines.slice(1).map((line, index) => ({ upper: lines[index]!, lower: line })))
    .filter(({ upper, lower }) => Math.abs(upper.size - lower.size) <= 0.5)
    .map(({ upper, lower }) => upper.y - lower.y)
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  // A low percentile: in a short document, gaps between paragraphs can outnumber those within one.
  return gaps[Math.floor(gaps.length / 4)] ?? Number.POSITIVE_INFINITY;
}

function joinLines(lines: Line[], layout: Layout): string {
  let text = '';
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous === undefined) text = line.text;
    else if (wrapped(previous, line, layout)) text += /\p{L}-$/u.test(previous.text) ? line.text : ` ${line.text}`;
    else text += `${paragraphGap(previous, line, layout) ? '\n\n' : '\n'}${line.text}`;
  });
  return text;
}

function paragraphGap(upper: Line, lower: Line, layout: Layout): boolean {
  const gap = upper.y - lower.y;
  return gap > upper.size * 1.8 || gap > layout.pitch * 1.15;
}

function wrapped(upper: Line, lower: Line, layout: Layout): boolean {
  if (startsListItem(lower.text)) return false;
  if (Math.abs(upper.size - lower.size) > 0.5) return false;
  if (upper.y <= lower.y || paragraphGap(upper, lower, layout)) return false;
  const charWidth = (lower.right - lower.left) / lower.text.length;
  const firstWord = lower.text.split(' ')[0] ?? '';
  // Had the next line's first word fitted on this one, the line ended on purpose.
  return upper.right + (firstWord.length + 1) * charWidth > layout.right - upper.size * 0.5;
}
