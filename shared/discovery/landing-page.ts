import { type HTMLElement, parse } from 'node-html-parser';
import type { CalendarDate } from '../calendar-date';
import { linkAddress } from './link-address';
import { isBodyResponse, reasonToSkip, type SkipReason } from './skip-reasons';
import { machineDate, writtenDateIn } from './stated-date';

/** The document a landing page offers as the report; the HTML version is read more reliably than a PDF, so it is preferred. */
export interface ReportDocument {
  url: string;
  format: 'html' | 'pdf';
}

/** What a publication's landing page (or a news item) says, read from its markup. */
export type LandingPage =
  | { kind: 'report'; title: string; publishedOn: CalendarDate | null; document: ReportDocument }
  /** A news item announcing a report: the report's own landing page is read instead. */
  | { kind: 'announcement'; title: string; publishedOn: CalendarDate | null; reportPage: string }
  | { kind: 'skipped'; title: string; reason: SkipReason };

const HTML_VERSION = /\/publication-html\//i;
const PDF = /\.pdf([?#]|$)/i;
const LANDING = /\/publications?\/[^/?#]+/i;
/** Links beside the report that are documents too, but not the report (a body's response is told apart by isBodyResponse). */
const NOT_THE_REPORT = /press release|pdf reader|adobe|terms of reference|easy read|annex|appendix|data (pack|tables?|files?)\b/i;

/** The date a page says it was published: a `<time>`, its metadata, or "Published: 10 October 2024" in its text. */
function statedPublicationDate(root: HTMLElement): CalendarDate | null {
  const meta = root.querySelector('meta[property="article:published_time"]')?.getAttribute('content');
  const time = root.querySelector('main time, article time, time');
  const published = /\b(?:published|publication date)\s*(?:on)?\s*[:–-]?\s*([^\n<]{0,40})/i.exec(root.text)?.[1] ?? '';
  return machineDate(meta) ?? machineDate(time?.getAttribute('datetime')) ?? writtenDateIn(time?.text ?? '') ?? writtenDateIn(published);
}

/** The links after a "Get the report" / "Download the report" heading or paragraph, in order, or every link when there is none. */
function reportLinks(root: HTMLElement): HTMLElement[] {
  const links = root.querySelectorAll('a[href]');
  const cue = root.querySelectorAll('h2, h3, h4, p, strong, span').find((element) => /^\s*(get|download|read) the (report|letter)\s*$/i.test(element.text));
  if (!cue) return links;
  const html = root.toString();
  const at = html.indexOf(cue.toString());
  return links.filter((link) => html.indexOf(link.toString(), at) >= at);
}

/** Reads a landing page: the report it offers (HTML version before PDF), the report a news item announces, or why it is skipped. */
export function readLandingPage(html: string, pageUrl: string): LandingPage {
  const root = parse(html);
  const title = (root.querySelector('h1')?.text ?? root.querySelector('title')?.text ?? '').replace(/\s+/g, ' ').trim();
  const reason = reasonToSkip(title, pageUrl);
  if (reason) return { kind: 'skipped', title, reason };
  const publishedOn = statedPublicationDate(root);
  const candidates = reportLinks(root)
    .flatMap((link) => {
      const url = linkAddress(link.getAttribute('href')!, pageUrl);
      return url ? [{ url: url.href, text: link.text.replace(/\s+/g, ' ').trim() }] : [];
    })
    .filter((link) => !NOT_THE_REPORT.test(link.text) && !isBodyResponse(link.text) && link.url !== pageUrl);
  const htmlVersion = candidates.find((link) => HTML_VERSION.test(new URL(link.url).pathname));
  if (htmlVersion) return { kind: 'report', title, publishedOn, document: { url: htmlVersion.url, format: 'html' } };
  const pdf = candidates.find((link) => PDF.test(link.url));
  if (pdf) return { kind: 'report', title, publishedOn, document: { url: pdf.url, format: 'pdf' } };
  const announced = candidates.find((link) => LANDING.test(new URL(link.url).pathname) && new URL(link.url).pathname !== new URL(pageUrl).pathname);
  if (announced) return { kind: 'announcement', title, publishedOn, reportPage: announced.url };
  return { kind: 'skipped', title, reason: { code: 'no-report-found', message: `"${title}" links to no report (no HTML version, PDF or report page)` } };
}
