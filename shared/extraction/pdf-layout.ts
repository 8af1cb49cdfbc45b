import type { DocumentBlock, StructuredDocument } from './blocks';
import { opensTableRow, SENTENCE_END, startsListItem, withMarkdownTables } from './paragraphs';

/** A run of text as the PDF places it on the page: x and width from its glyphs' boxes, y its baseline. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  bold: boolean;
  hasEOL: boolean;
}

/** One printed line of a page. */
export interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** Every run on the line is set in a bold font. */
  bold: boolean;
}

/**
 * A PDF's pages as blocks. PDFs only hold positioned lines, so a line that runs to the right margin,
 * where the next line's first word would not have fitted, is taken as wrapped and joined to the next:
 * without this, a recommendation broken across lines could not be told from the paragraph after it.
 * The type most of the text is set in is the body's: a line set larger is a
 * heading, the largest its level 1, and a short line in bold at the body's size the level below them;
 * a line that starts with a list marker is a list item, its depth its indentation's rank among the
 * list items'; a line that carries on the block before it (indented under a list item's marker, or
 * continuing its sentence) joins it; the rest are paragraphs. The title is the largest type on the
 * first page, if it is larger than the body's.
 */
export function pagesToBlocks(printed: Line[][]): StructuredDocument {
  const pages = withoutPageFurniture(printed);
  const body = bodySize(pages);
  const layout = layoutOf(pages, body);
  const headingSizes = [...new Set(pages.flat().map((line) => roundSize(line.size)))].filter((size) => size > body * LARGER).sort((a, b) => b - a);
  const pageSegments = pages.map((lines) => segments(lines, layout));
  const listIndents = indentRanks(pageSegments.flat().filter((segment) => startsListItem(segment.text)));
  const blocks: DocumentBlock[] = [];
  let previous: Carried | undefined;
  // The text above the last page's footnotes, which the next page's first line may carry on.
  let aboveFootnotes: Carried | undefined;
  for (const segments of pageSegments) {
    const footnotes = footnotesStart(segments, body);
    for (const [index, segment] of segments.entries()) {
      if (index === footnotes) aboveFootnotes = previous && { ...previous };
      const level = headingLevel(segment, body, headingSizes);
      const carried =
        index === 0 && aboveFootnotes && carriedPastFootnotes(aboveFootnotes, segment, level, layout)
          ? aboveFootnotes
          : previous && carriesOn(previous, segment, level)
            ? previous
            : undefined;
      if (carried) {
        carried.block.text += ` ${segment.text}`;
        previous = { block: carried.block, segment };
        continue;
      }
      const block = toBlock(segment, level, listIndents);
      blocks.push(block);
      previous = { block, segment };
    }
    if (footnotes === segments.length) aboveFootnotes = undefined;
  }
  return { title: titleOf(pages[0] ?? [], body), blocks: withMarkdownTables(blocks) };
}

/**
 * The pages without what is printed on every page around the text: page numbers, running headers
 * and footers. Left in, a recommendation carried over a page break would be cut by them into two
 * paragraphs, and a running header read as text of its own. A page's furniture is among its two
 * topmost and two lowest lines: a line printed the same in the same type at the same height of at
 * least two pages and two in five of them; its numbers aside when it is set no larger than the body,
 * not in bold and is not a row of three or more figures alone, so that a page number ("Page 3 of 10",
 * "Inspection of Anyshire 2025 · 3") is one but neither "Recommendation 12" heading each page nor a
 * table's rows of figures are. Furniture is read from the page's edge inwards: a line inside the
 * page's text is not furniture, however it repeats. A title on the first page, set larger than the
 * running header that repeats it, is not that header. A page is never left empty: a line that is all
 * a page prints is its text, however many pages print it.
 */
function withoutPageFurniture(pages: Line[][]): Line[][] {
  const body = bodySize(pages);
  const ends = pages.map((lines) => pageEnds(lines, body));
  const pagesPrinting = new Map<string, number>();
  for (const { top, bottom } of ends) {
    for (const key of new Set([...top, ...bottom].map(({ key }) => key))) pagesPrinting.set(key, (pagesPrinting.get(key) ?? 0) + 1);
  }
  const furniture = ({ key }: { key: string }) => {
    const count = pagesPrinting.get(key) ?? 0;
    return count >= 2 && count >= pages.length * 0.4;
  };
  const fromEdge = (end: KeyedLine[]) => {
    const inside = end.findIndex((line) => !furniture(line));
    return (inside === -1 ? end : end.slice(0, inside)).map(({ line }) => line);
  };
  return pages.map((lines, index) => {
    const { top, bottom } = ends[index]!;
    // A longer document's stamps repeat from page to page; alone, a page's small-type ends may be footnotes.
    const stamped =
      pages.length === 1 ? [...top, ...bottom].filter(({ line }) => roundSize(line.size) < body && PRINT_STAMP.test(line.text)).map(({ line }) => line) : [];
    const pageFurniture = new Set([...fromEdge(top), ...fromEdge(bottom), ...stamped]);
    const text = lines.filter((line) => !pageFurniture.has(line));
    return text.length > 0 ? text : lines;
  });
}

/**
 * What a browser prints around a page, in type smaller than the page's: the date and time it was
 * printed ("12/3/26, 12:07 PM", before the page's title), and its address with the page's number of the
 * pages ("https://… 1/1", "about:blank 1/1") as a line of their own; a footnote's address alone is no
 * stamp. A page printed alone has nothing to repeat on another page, so this is how its furniture is known.
 */
const PRINT_STAMP =
  /^\d{1,2}\/\d{1,2}\/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b|^(?:(?:https?|file):\/\/\S+|about:blank)\s+\d{1,3}\/\d{1,3}$|^about:blank$|^\d{1,3}\/\d{1,3}$/;

/** How many lines at each end of a page may be its furniture. */
const FURNITURE_LINES = 2;

type KeyedLine = { line: Line; key: string };

/**
 * A page's topmost and lowest lines, edge first, each keyed by its end, its height on the page, its
 * type size and its text (see withoutPageFurniture).
 */
function pageEnds(lines: Line[], body: number): { top: KeyedLine[]; bottom: KeyedLine[] } {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const keyed = (end: string) => (line: Line) => {
    const size = roundSize(line.size);
    const figuresOnly = (line.text.match(/\d+/g)?.length ?? 0) > 2 && !/\p{L}/u.test(line.text);
    const text = size <= body && !line.bold && !figuresOnly ? line.text.replace(/\d+/g, '#') : line.text;
    return { line, key: `${end} ${Math.round(line.y)} ${size} ${text.toLowerCase()}` };
  };
  return {
    top: byHeight.slice(0, FURNITURE_LINES).map(keyed('top')),
    bottom: byHeight.slice(FURNITURE_LINES).reverse().slice(0, FURNITURE_LINES).map(keyed('bottom')),
  };
}

/** How much larger than the body's a line's type must be to make it a heading: 10 %, over rounding and small caps. */
const LARGER = 1.1;
/** A bold line longer than this is bold text, not a heading. */
const LONGEST_BOLD_HEADING = 120;
const LIST_MARKER = /^([•·▪◦‣●○■□➢►\-–—*]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s*/;

/** Half points: type sizes that differ by less are one size set on different baselines. */
function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/** The type size most of the text is set in, by characters. */
function bodySize(pages: Line[][]): number {
  const characters = new Map<number, number>();
  for (const line of pages.flat()) characters.set(roundSize(line.size), (characters.get(roundSize(line.size)) ?? 0) + line.text.length);
  let body = 0;
  for (const [size, count] of characters) if (count > (characters.get(body) ?? 0)) body = size;
  return body;
}

type HeadingLevel = Extract<DocumentBlock, { kind: 'heading' }>['level'];

function headingLevel(segment: Segment, body: number, headingSizes: number[]): HeadingLevel | null {
  const size = roundSize(segment.size);
  const rank = headingSizes.indexOf(size);
  if (rank !== -1) return Math.min(6, rank + 1) as HeadingLevel;
  if (segment.bold && size >= body && segment.text.length <= LONGEST_BOLD_HEADING) return Math.min(6, headingSizes.length + 1) as HeadingLevel;
  return null;
}

/** Each list item's left edge mapped to its depth: the rank of its indentation among the list items' (within half a character, one indentation). */
function indentRanks(items: Segment[]): (left: number) => number {
  const lefts: number[] = [];
  for (const left of items.map((item) => item.left).sort((a, b) => a - b)) {
    if (lefts.length === 0 || left - lefts.at(-1)! > 3) lefts.push(left);
  }
  return (left) =>
    Math.max(
      0,
      lefts.findLastIndex((each) => each <= left + 3),
    );
}

/** A block and the last segment it took in, which the next segment may carry on. */
type Carried = { block: DocumentBlock; segment: Segment };

/**
 * Where a page's footnotes start: the segments at its foot set smaller than the body, the first
 * opening with its number, below text in the body's type; the page's length if it has none.
 */
function footnotesStart(segments: Segment[], body: number): number {
  let start = segments.length;
  while (start > 0 && roundSize(segments[start - 1]!.size) < body) start--;
  const footnote = segments[start];
  const above = segments[start - 1];
  return footnote && above && roundSize(above.size) === body && FOOTNOTE_NUMBER.test(footnote.text) ? start : segments.length;
}

const FOOTNOTE_NUMBER = /^(?:\d{1,3}|[*†‡])\s/;

/**
 * A sentence cut by the page's footnotes carries on at the next page's top when the line above them
 * ran to the margin, as a line wrapped there does: a caption or a short line above a note at the
 * foot of a page ended where it did on purpose.
 */
function carriedPastFootnotes(above: Carried, segment: Segment, level: HeadingLevel | null, layout: Layout): boolean {
  return carriesOn(above, segment, level) && runsToMargin(above.segment.last, segment.first, layout);
}

function carriesOn(previous: Carried, segment: Segment, level: HeadingLevel | null): boolean {
  const { block, segment: before } = previous;
  if (Math.abs(before.size - segment.size) > 0.5) return false;
  // A heading's lines are set further apart than the body's, in proportion to its type.
  if (block.kind === 'heading')
    return level === block.level && segment.bold === before.bold && segment.spaceAbove > 0 && segment.spaceAbove <= segment.size * 1.6;
  if (segment.gapBefore) return false;
  if (level !== null || startsListItem(segment.text) || block.kind === 'table-cell') return false;
  if (block.kind === 'paragraph' && opensTableRow(block.text)) return true;
  // A block whose sentence has ended is not carried on, however the next line is set.
  if (SENTENCE_END.test(block.text)) return false;
  const hangingIndent = block.kind === 'list-item' && segment.left > before.left + segment.size * 0.5;
  return hangingIndent || /^[a-z]/.test(segment.text);
}

function toBlock(segment: Segment, level: HeadingLevel | null, listDepth: (left: number) => number): DocumentBlock {
  if (level !== null) return { kind: 'heading', level, text: segment.text };
  const marker = startsListItem(segment.text) ? LIST_MARKER.exec(segment.text) : null;
  if (marker) return { kind: 'list-item', marker: marker[1]!, depth: listDepth(segment.left), text: segment.text.slice(marker[0].length) };
  return { kind: 'paragraph', text: segment.text };
}

/** The first page's largest type, its lines joined, when it is larger than the body's. */
function titleOf(firstPage: Line[], body: number): string | null {
  const largest = firstPage.reduce((max, line) => Math.max(max, roundSize(line.size)), 0);
  if (largest <= body * LARGER) return null;
  const start = firstPage.findIndex((line) => roundSize(line.size) === largest);
  const end = firstPage.findIndex((line, index) => index > start && roundSize(line.size) !== largest);
  return firstPage
    .slice(start, end === -1 ? undefined : end)
    .map((line) => line.text)
    .join(' ');
}

function layoutOf(pages: Line[][], body: number): Layout {
  // A loop, not Math.max(...lines): spreading a long report's lines as arguments overflows the stack.
  const right = pages.reduce((furthest, lines) => lines.reduce((max, line) => (roundSize(line.size) === body ? Math.max(max, line.right) : max), furthest), 0);
  const { pitch, lines } = linePitch(pages, body);
  return { right, pitch, doubleSpaced: pitch > body * SINGLE_SPACING && lines >= DOUBLE_SPACING_SEEN_OVER };
}

/** A page's text items gathered into its printed lines, top to bottom as the PDF orders them. */
export function toLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const size = item.fontSize || 1;
    if (current && item.str !== '' && Math.abs(item.y - current.y) > Math.max(size, current.size) * 0.5) {
      lines.push(current);
      current = null;
    }
    // A footnote's mark is left out, not run into the word it marks ("within six months³" read
    // "within six months3"); the line goes on past it, where PDFium may have seen a line end, and
    // the gap to what follows is measured from its right.
    if (current && footnoteReference(item, current)) {
      current.right = Math.max(current.right, item.x + item.width);
      continue;
    }
    if (item.str !== '') {
      if (!current) {
        current = { text: '', left: item.x, right: item.x, y: item.y, size, bold: item.bold };
      } else if (item.x - current.right > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
        current.text += ' ';
      }
      current.text += item.str;
      current.left = Math.min(current.left, item.x);
      current.right = Math.max(current.right, item.x + item.width);
      current.size = Math.max(current.size, size);
      if (item.str.trim() !== '') current.bold &&= item.bold;
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return (
    lines
      // Typeset ligatures become their letters, so "ﬁrearms" reads as "firearms".
      .map((line) => ({ ...line, text: line.text.replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC')) }))
      .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
      // A symbol font's bullet (Word's Symbol and Wingdings bullets map to the private use area,
      // U+F0B7 and the like) is a bullet, so the line reads as the list item it is.
      .map((line) => ({ ...line, text: line.text.replace(SYMBOL_FONT_BULLET, '• ') }))
      .filter((line) => line.text !== '')
  );
}

/** A footnote's number set small and raised after a word of the line. */
function footnoteReference(item: TextItem, line: Line): boolean {
  return /^\s*\d{1,3}(?:[,–-]\d{1,3})*\s*$/.test(item.str) && item.fontSize <= line.size * 0.8 && item.y - line.y >= line.size * 0.2;
}

/** A line's first character drawn from a symbol font, which maps it into the private use area U+F000–U+F0FF. */
const SYMBOL_FONT_BULLET = /^[\uF000-\uF0FF]\s*/;

interface Layout {
  /** The right margin: the furthest a line in the body's type reaches (a footer in smaller type may reach past it). */
  right: number;
  /** The usual distance between one line of the body's type and the next, so that a paragraph's extra space stands out. */
  pitch: number;
  /**
   * Whether the body's lines are set wider apart than single spacing throughout (double spacing, as
   * letters and typescripts are), seen over enough lines to tell: a paragraph's space is then only
   * what is wider than that.
   */
  doubleSpaced: boolean;
}

/** How many pairs of body lines it takes to say that a document is double-spaced rather than a page of short paragraphs. */
const DOUBLE_SPACING_SEEN_OVER = 20;

/** The body's usual line pitch, and over how many pairs of its lines that was judged. */
function linePitch(pages: Line[][], body: number): { pitch: number; lines: number } {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let index = 1; index < lines.length; index++) {
      const upper = lines[index - 1]!;
      const lower = lines[index]!;
      const gap = upper.y - lower.y;
      if (roundSize(upper.size) === body && roundSize(lower.size) === body && gap > 0) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  // The smallest gap that single spacing could be and that a tenth of those gaps share. On a page of
  // short paragraphs the gaps between paragraphs can outnumber those within one three to one: a low
  // percentile of all gaps, or the commonest, is then a paragraph's.
  const single = gaps.filter((gap) => gap >= body * TIGHTEST_SPACING && gap <= body * SINGLE_SPACING);
  // The gaps are sorted: the ones within a quarter point of each are a window that slides along them.
  let low = 0;
  let high = 0;
  for (const gap of single) {
    while (single[low]! < gap - 0.25) low++;
    while (high < single.length && single[high]! <= gap + 0.25) high++;
    if (high - low >= single.length / 10) return { pitch: gap, lines: gaps.length };
  }
  // Set wider than single spacing, a low percentile of them all.
  return { pitch: gaps[Math.floor(gaps.length / 4)] ?? Number.POSITIVE_INFINITY, lines: gaps.length };
}

/** The tightest line spacing, as a multiple of the type size: closer lines are the same line set on staggered baselines. */
const TIGHTEST_SPACING = 0.95;
/** The widest line spacing, as a multiple of the type size, taken for single spacing. */
const SINGLE_SPACING = 1.6;

/** Lines that wrap into one another, joined: the first line's place and type, and whether space sets it apart from the segment above. */
interface Segment {
  text: string;
  left: number;
  size: number;
  bold: boolean;
  gapBefore: boolean;
  /** From the baseline of the line above to this one's; 0 at the top of a page. */
  spaceAbove: number;
  first: Line;
  last: Line;
}

function segments(lines: Line[], layout: Layout): Segment[] {
  const result: Segment[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const current = result.at(-1);
    if (previous !== undefined && current !== undefined && wrapped(previous, line, layout, startsListItem(current.text))) {
      current.text += /\p{L}-$/u.test(previous.text) ? line.text : ` ${line.text}`;
      current.bold &&= line.bold;
      current.last = line;
    } else {
      const gapBefore = previous !== undefined && paragraphGap(previous, line, layout);
      result.push({
        text: line.text,
        left: line.left,
        size: line.size,
        bold: line.bold,
        gapBefore,
        spaceAbove: previous === undefined ? 0 : previous.y - line.y,
        first: line,
        last: line,
      });
    }
  });
  return result;
}

function paragraphGap(upper: Line, lower: Line, layout: Layout): boolean {
  const gap = upper.y - lower.y;
  // Nearly twice a line's type apart is a paragraph's space, but not where every line is set that far
  // apart: there only the pitch tells, and short lines.
  return gap > layout.pitch * 1.15 || (gap > upper.size * 1.8 && !layout.doubleSpaced);
}

/**
 * Whether the lower line carries on the upper one's paragraph. A dash opening a line ("– Police and
 * Crime Commissioner Steve Turner has written") starts a list item, unless it is a dash in a sentence
 * the line above broke off: that line ran to the margin without ending, and neither it nor its
 * paragraph opened on a list's marker.
 */
function wrapped(upper: Line, lower: Line, layout: Layout, inListItem: boolean): boolean {
  const dashInSentence = DASH_OPENS.test(lower.text) && !inListItem && !DASH_OPENS.test(upper.text) && !SENTENCE_END.test(upper.text);
  if (startsListItem(lower.text) && !dashInSentence) return false;
  if (Math.abs(upper.size - lower.size) > 0.5) return false;
  if (upper.y <= lower.y || paragraphGap(upper, lower, layout)) return false;
  return runsToMargin(upper, lower, layout);
}

/** An en or em dash and a space opening a line: a list's marker, or a dash in a sentence broken there. */
const DASH_OPENS = /^[–—]\s/;

/** Had the lower line's first word fitted on the upper one, the upper line ended on purpose. */
function runsToMargin(upper: Line, lower: Line, layout: Layout): boolean {
  const charWidth = (lower.right - lower.left) / lower.text.length;
  const space = lower.text.indexOf(' ');
  const firstWordLength = space === -1 ? lower.text.length : space;
  return upper.right + (firstWordLength + 1) * charWidth > layout.right - upper.size * 0.5;
}
