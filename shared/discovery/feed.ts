import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CalendarDate } from '../calendar-date';
import { linkAddress } from './link-address';
import { machineDate } from './stated-date';

/** One entry a source lists: a publication's landing page (or the document itself), with what the source says of it. */
export interface ListedPublication {
  title: string;
  url: string;
  /** The date the source gives it; the landing page's own date, when it states one, is preferred. */
  listedOn: CalendarDate | null;
}

/** A source whose text is not what its kind expects: a site that changed its markup must not go quiet. */
export class UnreadableSourceError extends Error {
  readonly code = 'unreadable-source';
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableSourceError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

function textOf(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  if (value && typeof value === 'object' && '#text' in value) return String((value as { '#text': unknown })['#text']).trim();
  return '';
}

type AtomLink = { '@href'?: string; '@rel'?: string } | string;

/** An Atom entry's page: the link with no rel or rel="alternate". */
function atomLink(links: AtomLink[] | undefined): string {
  const link = (links ?? []).find((each) => typeof each === 'string' || !each['@rel'] || each['@rel'] === 'alternate');
  return typeof link === 'string' ? link.trim() : (link?.['@href'] ?? '').trim();
}

/** The items of an RSS 2.0 or Atom feed, each with its title, link and date, with links resolved against the feed's address. */
export function parseFeed(xml: string, feedUrl: string): ListedPublication[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new UnreadableSourceError(`The feed at ${feedUrl} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document: Record<string, unknown> = parser.parse(xml);
  const rss = document.rss as { channel?: { item?: Array<Record<string, unknown>> } } | undefined;
  const atom = document.feed as { entry?: Array<Record<string, unknown>> } | undefined;
  let entries: ListedPublication[];
  if (rss?.channel) {
    entries = (rss.channel.item ?? []).map((item) => ({
      title: textOf(item.title),
      url: textOf((item.link as unknown[] | undefined)?.[0]),
      listedOn: machineDate(textOf(item.pubDate) || textOf(item['dc:date'])),
    }));
  } else if (atom) {
    entries = (atom.entry ?? []).map((entry) => ({
      title: textOf(entry.title),
      url: atomLink(entry.link as AtomLink[] | undefined),
      listedOn: machineDate(textOf(entry.published) || textOf(entry.updated)),
    }));
  } else {
    throw new UnreadableSourceError(`The feed at ${feedUrl} is neither RSS 2.0 nor Atom`);
  }
  return entries.flatMap((entry) => {
    const url = entry.url ? linkAddress(entry.url, feedUrl) : null;
    return url ? [{ ...entry, url: url.href }] : [];
  });
}
