import { type HTMLElement, parse } from 'node-html-parser';
import type { ListedPublication } from './feed';
import { linkAddress } from './link-address';
import { machineDate, writtenDateIn } from './stated-date';

/** Addresses that are publications: HMICFRS's publication and news pages, their HTML versions, and documents. */
const PUBLICATION_ADDRESS = /\/(publications?|news|news-feed|publication-html|reports?)\/[^/?#]+|\.pdf([?#]|$)/i;

/** Listing pages link their categories and pages of results too: these are not publications. */
const NAVIGATION_ADDRESS = /\/(cat|category|tag|page)\/|[?&]page=/i;

/** The date shown with a link: in a `<time>`, or written out in the item (list entry, article, table row) around it. */
function dateAround(link: HTMLElement): ListedPublication['listedOn'] {
  let item: HTMLElement | null = link;
  while (item && !['li', 'article', 'tr'].includes(item.rawTagName?.toLowerCase() ?? '')) item = item.parentNode;
  const around = item ?? link.parentNode;
  if (!around) return null;
  const time = around.querySelector('time');
  return machineDate(time?.getAttribute('datetime')) ?? writtenDateIn(time?.text ?? '') ?? writtenDateIn(around.text);
}

/** The links to publications on an HTML listing page, each once, with their titles and the dates shown beside them. */
export function parseListing(html: string, pageUrl: string): ListedPublication[] {
  const root = parse(html);
  const seen = new Set<string>();
  const publications: ListedPublication[] = [];
  for (const link of root.querySelectorAll('a[href]')) {
    const url = linkAddress(link.getAttribute('href')!, pageUrl);
    if (!url) continue;
    url.hash = '';
    const title = link.text.replace(/\s+/g, ' ').trim();
    if (!title || !PUBLICATION_ADDRESS.test(url.pathname) || NAVIGATION_ADDRESS.test(url.href) || url.href === pageUrl || seen.has(url.href)) continue;
    seen.add(url.href);
    publications.push({ title, url: url.href, listedOn: dateAround(link) });
  }
  return publications;
}
