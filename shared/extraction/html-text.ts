import { HTMLElement, type Node, parse, TextNode } from 'node-html-parser';
import { startsListItem } from './paragraphs';

/** Page furniture that is never part of the document: code, styling, menus, site banners and footers. */
const FURNITURE = [
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'nav',
  'header',
  'footer',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=search]',
  '[hidden]',
  '[aria-hidden=true]',
].join(',');

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
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
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * The visible text of an HTML page, one block element per paragraph with a blank line between them, so
 * that headings, paragraphs and list items keep the boundaries the parser relies on. List items keep
 * their markers ("• ", "1. ") because a numbered list of recommendations is numbered by its markup.
 */
export function htmlToText(html: string): string {
  // The parser keeps declarations as text.
  const root = parse(html.replace(/<!doctype[^>]*>|<\?xml[^>]*\?>/gi, ''), {
    comment: false,
    // Listed as raw-text elements so markup inside them ("</div>" in a script) cannot break the tree;
    // `false` drops their content.
    blockTextElements: { script: false, style: false, noscript: false, template: false, pre: true },
  });
  for (const element of root.querySelectorAll(FURNITURE)) {
    // An <article>'s own <header> holds its title, unlike the site-wide banner.
    if (element.tagName === 'HEADER' && element.parentNode?.closest('main, article')) continue;
    element.remove();
  }
  const out: string[] = [];
  const pending = { prefix: '' };
  walk(root, out, pending, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: Node, out: string[], pending: { prefix: string }, preformatted: boolean): void {
  if (node instanceof TextNode) {
    const text = preformatted ? node.text : node.text.replace(/\s+/g, ' ');
    if (text.trim() === '') {
      if (text !== '') out.push(' ');
      return;
    }
    out.push(pending.prefix, text);
    pending.prefix = '';
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.rawTagName?.toLowerCase() ?? '';
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) out.push('\n\n');
  if (tag === 'li' && !startsListItem(node.text.trim())) pending.prefix = listMarker(node);
  for (const child of node.childNodes) walk(child, out, pending, preformatted || tag === 'pre');
  if (block) out.push('\n\n');
}

function listMarker(item: HTMLElement): string {
  const list = item.parentNode;
  if (list?.rawTagName?.toLowerCase() !== 'ol') return '• ';
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  const position = list.childNodes.filter((sibling) => sibling instanceof HTMLElement && sibling.rawTagName.toLowerCase() === 'li').indexOf(item);
  return `${(Number.isNaN(start) ? 1 : start) + position}. `;
}
