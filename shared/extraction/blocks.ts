/**
 * A document as its reader found it: typed blocks in reading order, not flat text. Each format reader
 * produces these from what the format itself says (HTML's elements, a PDF's font sizes, weights and
 * indentation, a Word document's styles; plain text by its paragraph rules), so that the rules that
 * recognise a report read structure rather than guess it back from lines.
 */
export type DocumentBlock =
  /** A heading, level 1 the largest: `<h1>`–`<h6>`, Word's Title and Heading 1–6, a PDF line set larger or bolder than the body text. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  /** An item of a list, with its marker as written ("1.", "a)", "•"; "" when the format numbers it itself) and its depth from 0. */
  | { kind: 'list-item'; marker: string; depth: number; text: string }
  /** One cell of a table, by its row and column from 0, in the table numbered `table` from 0. */
  | { kind: 'table-cell'; table: number; row: number; column: number; text: string }
  | { kind: 'paragraph'; text: string };

export interface StructuredDocument {
  /**
   * The title the document gives itself, where its format says so: the HTML `<title>` or first `<h1>`,
   * a Word document's Title property or Title style, the largest type on a PDF's first page. Null when
   * the format says nothing and the rules must find it.
   */
  title: string | null;
  blocks: DocumentBlock[];
}

/** The blocks as plain text, a paragraph each: what rules that read text still see, and what a fingerprint is taken of. */
export function blocksToText(blocks: readonly DocumentBlock[]): string {
  return blocks.map((block) => (block.kind === 'list-item' && block.marker ? `${block.marker} ${block.text}` : block.text)).join('\n\n');
}
