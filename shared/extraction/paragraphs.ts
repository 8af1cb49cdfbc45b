import type { DocumentBlock, StructuredDocument } from './blocks';

interface Line {
  text: string;
  /** The level a Markdown heading mark ("## ") gave the line, or 0. */
  level: number;
}

/**
 * Text as a list of paragraphs, whatever format it came from. Each non-blank line starts a paragraph,
 * except a line that carries on a sentence the previous line left open (it starts in lower case and the
 * previous line has no closing punctuation): that is a hard-wrapped line and is joined back.
 */
export function paragraphs(text: string): string[] {
  return joinedLines(text).map((paragraph) => paragraph.text);
}

/**
 * Plain text as blocks, by what plain text can show: a Markdown heading mark makes a heading, a
 * Markdown table's rows table cells, a line opening with a list marker a list item, anything else a
 * paragraph. A short line standing alone is
 * not made a heading here: in plain text that is a guess, which the rules make where they need it
 * (standsAsHeading), and a guessed heading must not outrank the document's first line as its title.
 * Plain text gives itself no title.
 */
export function textDocument(text: string): StructuredDocument {
  const blocks: DocumentBlock[] = [];
  for (const paragraph of joinedLines(text)) {
    if (paragraph.level > 0) blocks.push({ kind: 'heading', level: Math.min(paragraph.level, 6) as 1 | 2 | 3 | 4 | 5 | 6, text: paragraph.text });
    else if (TABLE_ROW.test(paragraph.text)) blocks.push({ kind: 'paragraph', text: paragraph.text });
    else blocks.push(...bulletsOf(paragraph.text).map(paragraphBlock));
  }
  return { title: null, blocks: withMarkdownTables(blocks) };
}

/** A row of a Markdown table: "| T1 | Forces should … | Open |". */
const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;

/** Whether a paragraph opens a Markdown table's row that its line has not closed: printed, a long row wraps. */
export function opensTableRow(text: string): boolean {
  return text.startsWith('|') && !TABLE_ROW.test(text);
}

/**
 * Paragraphs that are a Markdown table's rows made that table's cells. Plain text carries tables so (a web
 * page's table as a stored copy gives it), and so does a PDF printed from such text, which is why the PDF
 * reader calls this too.
 */
export function withMarkdownTables(blocks: DocumentBlock[]): DocumentBlock[] {
  const result: DocumentBlock[] = [];
  let tables = 0;
  let row = -1;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || !TABLE_ROW.test(block.text)) {
      row = -1;
      result.push(block);
      continue;
    }
    if (row === -1) {
      tables++;
      row = 0;
    }
    // The line under a table's column headings ("|---|---|") is the table's drawing, not a row.
    if (TABLE_RULE.test(block.text)) continue;
    cellsOf(block.text).forEach((cell, column) => {
      if (cell !== '') result.push({ kind: 'table-cell', table: tables - 1, row, column, text: cell });
    });
    row++;
  }
  return result;
}

function cellsOf(row: string): string[] {
  return row
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());
}

/** A bullet that opens a line, and the same bullet again after a sentence's end: "• Forces should … • The College should …". */
const RUN_TOGETHER_BULLET = /^([•·▪●])\s/;

/**
 * A line of bullets run together, as a web page's list becomes when its items lose their line breaks,
 * is one item a bullet; any other line is itself.
 */
export function bulletsOf(line: string): string[] {
  const bullet = RUN_TOGETHER_BULLET.exec(line)?.[1];
  if (bullet === undefined) return [line];
  return line.split(new RegExp(`(?<=[.;!?]["'’”)]?)\\s+(?=${bullet}\\s)`));
}

/** A paragraph's block: a list item when it opens with a list marker ("1.", "(a)", "•"), as it does in any format typed by hand. */
export function paragraphBlock(text: string): DocumentBlock {
  const marker = LIST_MARKER.exec(text);
  if (!marker) return { kind: 'paragraph', text };
  return { kind: 'list-item', marker: marker[1]!, depth: 0, text: text.slice(marker[0].length) };
}

/** Short, capitalised, and not a sentence: what a heading looks like when only its line says so. */
export function standsAsHeading(text: string): boolean {
  return text.length <= 100 && /^[A-Z0-9]/.test(text) && !/[.,;]$/.test(text) && !/\b(?:should|must)\b/i.test(text) && text.split(' ').length <= 12;
}

/**
 * The width a text was hard-wrapped at, as a press release's text copied from its PDF is, or null:
 * most of its lines run to within a few characters of one width, and that width is a line's, not a
 * paragraph's (a paragraph left unwrapped runs to hundreds of characters).
 */
function wrapWidth(lines: readonly Line[]): number | null {
  const lengths = lines.flatMap((line) => (line.text === '' || TABLE_ROW.test(line.text) ? [] : [line.text.length])).sort((a, b) => a - b);
  if (lengths.length < 8) return null;
  const width = lengths[Math.floor(lengths.length * 0.8)]!;
  if (width < 50 || width > 100) return null;
  return lengths.filter((length) => length >= width * 0.7).length >= lengths.length / 2 ? width : null;
}

function joinedLines(text: string): Line[] {
  const result: Line[] = [];
  const lines = normalisedLines(text);
  const width = wrapWidth(lines);
  // In wrapped text a line that runs to the width and leaves its sentence open goes on in the next,
  // whatever that starts with ("…, HM Chief Inspector of Constabulary" over "Andy Cooke has said:").
  const wrapped = (previous: string, line: string) =>
    width !== null &&
    previous.length >= width * 0.85 &&
    !SENTENCE_END.test(previous) &&
    !startsListItem(line) &&
    !TABLE_ROW.test(previous) &&
    !TABLE_ROW.test(line);
  let afterBlank = true;
  let lastLine = '';
  for (const line of lines) {
    if (line.text === '') {
      afterBlank = true;
      continue;
    }
    const previous = result.at(-1);
    const goesOn = continuesSentence(lastLine, line.text) || wrapped(lastLine, line.text);
    lastLine = line.text;
    if (!afterBlank && previous !== undefined && line.level === 0 && previous.level === 0 && goesOn) {
      previous.text = `${previous.text} ${line.text}`;
    } else {
      result.push({ ...line });
    }
    afterBlank = false;
  }
  return result;
}

/**
 * One space between words, no tabs or invisible characters, trimmed lines, "\n" line ends. Markdown
 * heading marks and bold are dropped too, so "## **Recommendation 1**" reads as its words.
 */
function normalisedLines(text: string): Line[] {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // Every run of white space but a lone ' ', which is most of them: replacing each of those with itself
      // was a measurable share of parsing a long report.
      .replace(/ ?[^\S\n ][^\S\n]*| {2,}[^\S\n]*/g, ' ')
      .split('\n')
      .map((raw) => {
        const trimmed = raw.trim();
        const mark = /^(#{1,6})\s+/.exec(trimmed);
        return {
          text: (mark ? trimmed.slice(mark[0].length) : trimmed).replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'),
          level: mark ? mark[1]!.length : 0,
        };
      })
  );
}

/** Bullets, dashes and letters or roman numerals in brackets: the markers of a sub-list. */
const SUB_LIST_MARKER = String.raw`[•·▪◦‣●○■□➢►\-–—*](?=\s*\S)|\(?(?:[a-z]|[ivx]{1,4})\)(?=\s)|[a-z]\.(?=\s)`;
/**
 * What follows an item's number: a space, "#23432", or its text run in ("1.By July 2018", "1.A review"),
 * as the register's stored entries keep it; "1.5 million" is no item.
 */
export const AFTER_ITEM_NUMBER = String.raw`(?=\s|#|[A-Z](?:[a-z]|\s))`;
/** "1.", "2)", "(3)" before an item. */
const NUMBER_MARKER = String.raw`\(?\d{1,3}[.)]${AFTER_ITEM_NUMBER}`;
/** Any list marker, captured, with the space after it. */
const LIST_MARKER = new RegExp(`^(${NUMBER_MARKER}|${SUB_LIST_MARKER})\\s*`);
const SUB_LIST_ITEM = new RegExp(`^(?:${SUB_LIST_MARKER})`);

/** Whether a paragraph opens with a sub-list's marker (a bullet, a dash, a letter, a roman numeral) rather than a number. */
export function startsSubListItem(paragraph: string): boolean {
  return SUB_LIST_ITEM.test(paragraph);
}

/** A paragraph's text without its sub-list marker. */
export function withoutSubListMarker(paragraph: string): string {
  const marker = LIST_MARKER.exec(paragraph);
  return marker && SUB_LIST_ITEM.test(paragraph) ? paragraph.slice(marker[0].length) : paragraph;
}

/** How a sentence ends, a closing quotation mark or bracket after its stop: a line that does not end so goes on. */
export const SENTENCE_END = /[.!?:;]["'’”)\]]?$/;

/**
 * Where one sentence ends and the next begins inside a paragraph, a footnote's mark ("… retirement.[1]
 * We …") let through; not after "e.g." or "St.", nor before a word in lower case.
 */
const BETWEEN_SENTENCES = /(?<=[\w%)’”][.!?]["'’”)]?(?:\[\d+\])?)(?<!\b(?:e\.g|i\.e|St|Mr|Mrs|Ms|Dr|No)\.)\s+(?=[‘“"]?[A-Z])/;

/** A paragraph's sentences, the last running on to its end (a sentence that introduces items ends in a colon). */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(BETWEEN_SENTENCES);
}

/** The first line of what a pattern spanning several lines matches in a text, as a finding's reason quotes it; null if it does not match. */
export function firstLineMatched(pattern: RegExp, text: string): string | null {
  return pattern.exec(text)?.[0].split('\n')[0] ?? null;
}

function continuesSentence(previous: string, line: string): boolean {
  return !SENTENCE_END.test(previous) && /^[a-z]/.test(line) && !startsSubListItem(line);
}

/** Any list marker, numbers included: a line that starts one never continues the line before. */
export function startsListItem(line: string): boolean {
  return LIST_MARKER.test(line);
}
