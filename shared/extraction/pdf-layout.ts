import { startsListItem } from './paragraphs';

/** A run of text as pdf.js places it on the page. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

/** One printed line of a page. */
export interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/**
 * A PDF's pages, laid out as text, one paragraph per line. PDFs only hold positioned lines, so a line
 * that runs to the right margin, where the next line's first word would not have fitted, is taken as
 * wrapped and joined to the next; a larger vertical gap becomes a blank line. Without this, a
 * recommendation broken across lines could not be told from the paragraph after it.
 */
export function pagesToText(pages: Line[][]): string {
  // A loop, not Math.max(...lines): spreading a long report's lines as arguments overflows the stack.
  const right = pages.reduce((furthest, lines) => lines.reduce((max, line) => Math.max(max, line.right), furthest), 0);
  const layout = { right, pitch: linePitch(pages) };
  return pages.map((lines) => joinLines(lines, layout)).join('\n');
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
  return (
    lines
      // Typeset ligatures become their letters, so "ﬁrearms" reads as "firearms".
      .map((line) => ({ ...line, text: line.text.replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC')) }))
      .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
      .filter((line) => line.text !== '')
  );
}

interface Layout {
  /** The right margin: the furthest any line reaches. */
  right: number;
  /** The usual distance between one line and the next, so that a paragraph's extra space stands out. */
  pitch: number;
}

function linePitch(pages: Line[][]): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let index = 1; index < lines.length; index++) {
      const upper = lines[index - 1]!;
      const lower = lines[index]!;
      const gap = upper.y - lower.y;
      if (Math.abs(upper.size - lower.size) <= 0.5 && gap > 0) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
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
  const space = lower.text.indexOf(' ');
  const firstWordLength = space === -1 ? lower.text.length : space;
  // Had the next line's first word fitted on this one, the line ended on purpose.
  return upper.right + (firstWordLength + 1) * charWidth > layout.right - upper.size * 0.5;
}
