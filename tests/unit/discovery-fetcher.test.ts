import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryUserAgent, PoliteFetcher, SourceFetchError } from '../../functions/discovery/polite-fetcher';

const seen: IncomingHttpHeaders[] = [];
let origin: string;
const server = createServer((request, response) => {
  seen.push(request.headers);
  if (request.url === '/slow') return; // never answers: the fetcher's timeout must end it
  // Answers at once, then stops part-way through the body: a slow or dropped download of a report.
  if (request.url === '/stalls') return void response.writeHead(200, { 'content-type': 'application/pdf' }).write('%PDF-1.7 part');
  if (request.url === '/cut') {
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '100000' }).write('%PDF-1.7 part');
    return void setTimeout(() => request.socket.destroy(), 50);
  }
  if (request.url === '/broken') return void response.writeHead(503).end('down for maintenance');
  // A site that declares no length, then sends more than an upload may be.
  if (request.url === '/huge') return void response.writeHead(200, { 'content-type': 'application/pdf' }).end(new Uint8Array(3000));
  if (request.url === '/declared-huge') return void response.writeHead(200, { 'content-length': '3000' }).end(new Uint8Array(3000));
  if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
  response.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Tue, 01 Oct 2024 08:00:00 GMT' }).end('<p>listing</p>');
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** A clock that stands still and records each wait asked of it. */
function stillClock() {
  const waits: number[] = [];
  return { waits, clock: { now: () => 1_000_000, sleep: async (ms: number) => void waits.push(ms) } };
}

describe('the polite fetcher', () => {
  it('spaces requests to one host a second apart, and does not hold up another host', async () => {
    const { waits, clock } = stillClock();
    const fetcher = new PoliteFetcher({ userAgent: 'test', clock });
    await fetcher.get(`${origin}/a`, null);
    await fetcher.get(`${origin}/b`, null);
    await fetcher.get(`${origin}/c`, null);
    await fetcher.get(`${origin.replace('127.0.0.1', 'localhost')}/a`, null);
    expect(waits).toEqual([1000, 2000]);
  });

  it('names the project and contact, and asks with the validators it was given', async () => {
    const fetcher = new PoliteFetcher({ userAgent: discoveryUserAgent('ops@fiftysix.test'), minIntervalMs: 0 });
    const first = await fetcher.get(`${origin}/listing`, null);
    expect(first).toMatchObject({ status: 'fetched', eTag: '"v1"', lastModified: 'Tue, 01 Oct 2024 08:00:00 GMT' });
    expect(new TextDecoder().decode((first as { body: Uint8Array }).body)).toBe('<p>listing</p>');
    const again = await fetcher.get(`${origin}/listing`, { eTag: '"v1"', lastModified: 'Tue, 01 Oct 2024 08:00:00 GMT' });
    expect(again).toEqual({ status: 'not-modified' });
    expect(seen.at(-1)).toMatchObject({
      'user-agent': 'FiftySix/0.1 (section 55 response tracker; +ops@fiftysix.test)',
      'if-none-match': '"v1"',
      'if-modified-since': 'Tue, 01 Oct 2024 08:00:00 GMT',
    });
  });

  it('fails with the address and the reason when the site errs or does not answer in time', async () => {
    const fetcher = new PoliteFetcher({ userAgent: 'test', minIntervalMs: 0, timeoutMs: 200 });
    await expect(fetcher.get(`${origin}/broken`, null)).rejects.toThrow(new SourceFetchError(`${origin}/broken`, 'the site answered 503 Service Unavailable'));
    await expect(fetcher.get(`${origin}/slow`, null)).rejects.toThrow(SourceFetchError);
    await expect(fetcher.get(`${origin}/slow`, null)).rejects.toThrow(/timeout|aborted/i);
  });

  it('fails with the address when the body stops coming part-way, by the timeout or a dropped connection', async () => {
    const fetcher = new PoliteFetcher({ userAgent: 'test', minIntervalMs: 0, timeoutMs: 300 });
    await expect(fetcher.get(`${origin}/stalls`, null)).rejects.toThrow(new SourceFetchError(`${origin}/stalls`, 'The operation was aborted due to timeout'));
    await expect(fetcher.get(`${origin}/cut`, null)).rejects.toThrow(SourceFetchError);
  });

  it('stops reading a body past the most an upload may be, whether or not the site declared its length', async () => {
    const fetcher = new PoliteFetcher({ userAgent: 'test', minIntervalMs: 0, maxBytes: 2048 });
    for (const path of ['/huge', '/declared-huge']) {
      await expect(fetcher.get(`${origin}${path}`, null)).rejects.toThrow(
        new SourceFetchError(`${origin}${path}`, 'the document is larger than 2 KB, more than an upload may be'),
      );
    }
    await expect(fetcher.get(`${origin}/listing`, null)).resolves.toMatchObject({ status: 'fetched' });
  });
});
