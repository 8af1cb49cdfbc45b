import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SitePage {
  body: string | Uint8Array;
  contentType: string;
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
    const eTag = `"${createHash('sha256').update(page.body).digest('hex').slice(0, 16)}"`;
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
