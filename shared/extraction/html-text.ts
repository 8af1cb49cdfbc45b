import { HTMLElement, type Node, parse, TextNode } from 'node-html-parser';
import type { DocumentBlock, StructuredDocument } from './blocks';
import { paragraphBlock, paragraphs, startsListItem } from './paragraphs';

/** Page furniture that is never part of the document: code, styling, menus, site banners, side panels and footers. */
const FURNITURE = [
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'nav',
  'header',
  'footer',
  'aside',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=search]',
  '[hidden]',
  '[aria-hidden=true]',
].join(',');

/** Cookie banners name themselves so; a page's body or main content may carry such a class too, so only a small element is one. */
const COOKIE_BANNER = '[id*=cookie],[class*=cookie]';
const COOKIE_BANNER_MAX_CHARS = 3000;
const CONTENT = new Set(['html', 'body', 'main', 'article']);

const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'hgroup',
  'hr',
  'html',
  'legend',
  'main',
  'ol',
  'p',
  'section',
  'summary',
  'tbody',
  'tfoot',
  'thead',
  'ul',
]);

const HEADING = /^h([1-6])$/;
/** What separates a page's name from its site's in a `<title>`: "Report title | Surrey PCC", "Title - GOV.UK". */
const TITLE_SEPARATOR = /\s+(?:[|–—-]|::|·)\s+/;
/** How far into the page the `<title>`'s words must appear to be the document's own. */
const TITLE_CONFIRMED_WITHIN = 20;

/**
 * An HTML page as blocks, from its elements: h1–h6 are headings, list items keep the marker they are
 * rendered with and their depth, table cells their row and column, and other text is paragraphs. The
 * title is the first `<h1>`; without one, the part of the `<title>` the page itself carries, since the
 * rest of a `<title>` names the site.
 */
export function htmlDocument(html: string): StructuredDocument {
  // The parser keeps declarations as text.
  const root = parse(html.replace(/<!doctype[^>]*>|<\?xml[^>]*\?>/gi, ''), {
    comment: false,
    // Listed as raw-text elements so markup inside them ("</div>" in a script) cannot break the tree;
    // `false` drops their content.
    blockTextElements: { script: false, style: false, noscript: false, template: false, pre: true },
  });
  const pageTitle = oneLine(root.querySelector('title')?.text ?? '');
  for (const element of root.querySelectorAll(FURNITURE)) {
    // An <article>'s own <header> holds its title, unlike the site-wide banner.
    if (element.tagName === 'HEADER' && element.parentNode?.closest('main, article')) continue;
    element.remove();
  }
  for (const element of root.querySelectorAll(COOKIE_BANNER)) {
    if (!CONTENT.has(tagOf(element)) && element.text.length <= COOKIE_BANNER_MAX_CHARS) element.remove();
  }
  const reader = new BlockReader();
  reader.read(root);
  const blocks = reader.finish();
  const firstH1 = blocks.find((block) => block.kind === 'heading' && block.level === 1);
  return { title: firstH1?.text ?? confirmedTitle(pageTitle, blocks), blocks };
}

/** The `<title>`, or the part of it between separators, that one of the page's first blocks says word for word. */
function confirmedTitle(pageTitle: string, blocks: DocumentBlock[]): string | null {
  if (pageTitle === '') return null;
  const opening = new Set(blocks.slice(0, TITLE_CONFIRMED_WITHIN).map((block) => block.text));
  const candidates = [pageTitle, ...pageTitle.split(TITLE_SEPARATOR).sort((a, b) => b.length - a.length)];
  return candidates.find((candidate) => opening.has(candidate)) ?? null;
}

function tagOf(element: HTMLElement): string {
  return element.rawTagName?.toLowerCase() ?? '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

class BlockReader {
  private readonly blocks: DocumentBlock[] = [];
  /** Running text not yet made a paragraph, with "\n" where a `<br>` broke it. */
  private pending: string[] = [];
  private tables = 0;

  read(node: Node, preformatted = false): void {
    if (node instanceof TextNode) {
      this.pending.push(preformatted ? node.text : node.text.replace(/\s+/g, ' '));
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = tagOf(node);
    const heading = HEADING.exec(tag);
    if (heading) {
      this.flush();
      const text = oneLine(textOf(node));
      if (text !== '') this.blocks.push({ kind: 'heading', level: Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6, text });
      return;
    }
    if (tag === 'br') {
      this.pending.push('\n');
      return;
    }
    if (tag === 'li') {
      this.flush();
      this.listItem(node, depthOf(node));
      return;
    }
    if (tag === 'table') {
      this.flush();
      this.table(node);
      return;
    }
    const block = BLOCKS.has(tag) || tag === 'pre';
    if (block) this.flush();
    for (const child of node.childNodes) this.read(child, preformatted || tag === 'pre');
    if (block) this.flush();
  }

  finish(): DocumentBlock[] {
    this.flush();
    return this.blocks;
  }

  /** The text gathered since the last block, as paragraphs by the plain-text rules (a `<br>` breaks a line, as a line end does). */
  private flush(): void {
    const text = this.pending.join('');
    this.pending = [];
    if (text.trim() === '') return;
    for (const paragraph of paragraphs(text)) this.blocks.push(paragraphBlock(paragraph));
  }

  /** An item's own text, then its sub-lists one level deeper. */
  private listItem(item: HTMLElement, depth: number): void {
    const own: string[] = [];
    const nested: HTMLElement[] = [];
    for (const child of item.childNodes) {
      if (child instanceof HTMLElement && (tagOf(child) === 'ul' || tagOf(child) === 'ol')) nested.push(child);
      else own.push(textOf(child));
    }
    const text = oneLine(own.join(' '));
    if (text !== '') {
      // An item whose text carries its own number ("1. By March …") is numbered by it, not by the list.
      const written = startsListItem(text) ? paragraphBlock(text) : null;
      this.blocks.push(written?.kind === 'list-item' ? { ...written, depth } : { kind: 'list-item', marker: listMarker(item), depth, text });
    }
    for (const list of nested) {
      for (const child of list.childNodes) {
        if (child instanceof HTMLElement && tagOf(child) === 'li') this.listItem(child, depth + 1);
        else this.read(child);
      }
      this.flush();
    }
  }

  /**
   * Each cell a block, by row and column. A cell holding headings or another table is the page's layout,
   * not a table of data: its content is read as the page's own.
   */
  private table(table: HTMLElement): void {
    const index = this.tables++;
    const rows = table.querySelectorAll('tr').filter((row) => row.closest('table') === table);
    rows.forEach((row, rowIndex) => {
      const cells = row.childNodes.filter((cell): cell is HTMLElement => cell instanceof HTMLElement && (tagOf(cell) === 'td' || tagOf(cell) === 'th'));
      cells.forEach((cell, column) => {
        if (cell.querySelector('h1, h2, h3, h4, h5, h6, table')) {
          for (const child of cell.childNodes) this.read(child);
          this.flush();
          return;
        }
        const text = oneLine(textOf(cell));
        if (text !== '') this.blocks.push({ kind: 'table-cell', table: index, row: rowIndex, column, text });
      });
    });
  }
}

/** An element's text on one line, its list items with their markers, its blocks apart by a space. */
function textOf(node: Node): string {
  if (node instanceof TextNode) return node.text;
  if (!(node instanceof HTMLElement)) return '';
  const tag = tagOf(node);
  if (tag === 'br') return ' ';
  const inner = node.childNodes.map(textOf).join('');
  if (tag === 'li') return ` ${startsListItem(inner.trim()) ? '' : `${listMarker(node)} `}${inner} `;
  return BLOCKS.has(tag) || HEADING.test(tag) || tag === 'td' || tag === 'th' ? ` ${inner} ` : inner;
}

/** How many lists an item sits inside, less its own. */
function depthOf(item: HTMLElement): number {
  let depth = -1;
  for (let node = item.parentNode; node; node = node.parentNode) {
    const tag = tagOf(node);
    if (tag === 'ul' || tag === 'ol') depth++;
  }
  return Math.max(0, depth);
}

/** The marker a browser renders: a bullet, or the item's number in the list's own style ("1.", "a.", "iv."). */
function listMarker(item: HTMLElement): string {
  const list = item.parentNode;
  if (!list || tagOf(list) !== 'ol') return '•';
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  const position = list.childNodes.filter((sibling) => sibling instanceof HTMLElement && tagOf(sibling) === 'li').indexOf(item);
  const number = (Number.isNaN(start) ? 1 : start) + position;
  const type = list.getAttribute('type') ?? '1';
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode(96 + (((number - 1) % 26) + 1));
    return `${type === 'A' ? letter.toUpperCase() : letter}.`;
  }
  if (type === 'i' || type === 'I') return `${type === 'I' ? roman(number).toUpperCase() : roman(number)}.`;
  return `${number}.`;
}

function roman(number: number): string {
  const numerals: Array<[number, string]> = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = number;
  let written = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      written += numeral;
      rest -= value;
    }
  }
  return written;
}
