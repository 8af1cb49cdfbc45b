import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forceReportText, nationalReportText, printedPdf } from './documents';

export interface SitePage {
  body: string | Uint8Array;
  contentType: string;
  /** The ETag the site gives, when it is not the digest of the body (a site moved to new servers gives new ones). */
  eTag?: string;
}

/** A recorded page from tests/fixtures/discovery, as the site serves it. */
export function recordedPage(name: string): SitePage {
  const contentType = name.endsWith('.xml') ? 'application/rss+xml; charset=utf-8' : 'text/html; charset=utf-8';
  return { body: readFileSync(new URL(`../fixtures/discovery/${name}`, import.meta.url), 'utf8'), contentType };
}

/**
 * A publisher's site on the loopback address: it serves the pages it is given with an ETag, answers a
 * matching If-None-Match with 304 as a well-behaved site does, and records every request it gets.
 */
export async function startDiscoverySite(pages: Record<string, SitePage>) {
  const requests: Array<{ path: string; headers: IncomingHttpHeaders; status: number }> = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const page = pages[path];
    if (!page) {
      requests.push({ path, headers: request.headers, status: 404 });
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const eTag = page.eTag ?? `"${createHash('sha256').update(page.body).digest('hex').slice(0, 16)}"`;
    const status = request.headers['if-none-match'] === eTag ? 304 : 200;
    requests.push({ path, headers: request.headers, status });
    response.writeHead(status, { 'content-type': page.contentType, etag: eTag });
    response.end(status === 200 ? page.body : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pages,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export const pdfPage = async (text: string): Promise<SitePage> => ({ body: await printedPdf(text), contentType: 'application/pdf' });

/**
 * A publisher's pages in HMICFRS's shapes: a feed (a letter, a news item announcing a PEEL report, a
 * press release, a fire and rescue report), a PCC's listing (a spotlight report with an HTML version,
 * a response, a PDF linked straight, an inspection programme), a listing with an undated report, and one with nothing on it.
 */
export async function publisherPages(): Promise<Record<string, SitePage>> {
  return {
    '/feed/': recordedPage('feed.xml'),
    '/publications/cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny/': recordedPage('landing-letter.html'),
    '/wp-content/uploads/cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny.pdf': await pdfPage(
      forceReportText('Cumbria Constabulary', 'Cumbria Constabulary cause of concern revisit'),
    ),
    '/news/news-feed/cleveland-police-has-improved-in-some-areas-but-still-more-to-do/': recordedPage('news-item.html'),
    '/publications/peel-2021-22-an-inspection-of-cleveland-police/': recordedPage('landing-peel-cleveland.html'),
    '/wp-content/uploads/peel-2021-22-an-inspection-of-cleveland-police.pdf': await pdfPage(
      forceReportText('Surrey Police', 'PEEL 2021/22 – An inspection of Surrey Police'),
    ),
    '/news/news-feed/inspectorate-publishes-annual-assessment/': recordedPage('press-release.html'),
    '/publications/frs-assessment/fire-and-rescue-service-effectiveness-and-efficiency-2023-25-cumbria/': recordedPage('fire-report.html'),
    '/Transparency/HMICFRS/': recordedPage('listing.html'),
    '/publications/the-policing-response-to-antisocial-behaviour-peel-spotlight-report/': recordedPage('landing-report.html'),
    '/publication-html/peel-spotlight-report-diverging-under-pressure/': {
      body: `<!DOCTYPE html><html lang="en"><head><title>Diverging under pressure</title></head><body><main>${nationalReportText(
        'PEEL spotlight report: Diverging under pressure',
      )
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('')}</main></body></html>`,
      contentType: 'text/html; charset=utf-8',
    },
    '/reports/An-inspection-into-activism-and-impartiality-in-policing.pdf': await pdfPage(
      nationalReportText('An inspection into activism and impartiality in policing'),
    ),
    '/undated/': {
      body: '<!DOCTYPE html><html><body><h1>Reports</h1><ul><li><a href="/reports/custody-in-cumbria.pdf">Custody in Cumbria</a></li></ul></body></html>',
      contentType: 'text/html',
    },
    '/reports/custody-in-cumbria.pdf': await pdfPage(forceReportText('Cumbria Constabulary', 'Custody in Cumbria')),
    '/empty/': { body: '<!DOCTYPE html><html><body><h1>Reports</h1><p>Coming soon.</p></body></html>', contentType: 'text/html' },
  };
}
