import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * HTTP stand-ins that sit between FiftySix and an emulator and pass requests on, or fail them as the
 * real service or the network would. Faults are injected here, outside FiftySix's code, so what is
 * tested is what runs in AWS.
 */

export interface ProxyServer {
  url: string;
  stop(): Promise<void>;
}

type Handle = (incoming: IncomingMessage, body: Buffer, response: ServerResponse) => Promise<void>;

function bodyOf(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

/** Passes a request on to the emulator, and resolves with its answer, read whole. */
export function forward(
  upstream: URL,
  incoming: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: upstream.host } },
      (answered) => {
        bodyOf(answered).then((bytes) => resolve({ status: answered.statusCode ?? 502, headers: answered.headers, body: bytes }), reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export function answer(response: ServerResponse, status: number, headers: IncomingMessage['headers'], body: Buffer | string): void {
  const { 'transfer-encoding': _chunked, 'content-length': _length, connection: _connection, ...rest } = headers;
  response.writeHead(status, { ...rest, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** A server on 127.0.0.1 whose requests `handle` answers, read whole; stopping it cuts every connection, hung ones too. */
export async function startProxyServer(port: number, handle: Handle): Promise<ProxyServer> {
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    bodyOf(incoming)
      .then((body) => handle(incoming, body, response))
      .catch((error: Error) => {
        if (!response.headersSent) answer(response, 502, { 'content-type': 'text/plain' }, `The stand-in could not reach the emulator: ${error.message}`);
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** How many items a DynamoDB answer carries: a Query's or Scan's page, a GetItem's item, a BatchGetItem's. */
function itemsIn(answered: Buffer): number {
  const parsed = JSON.parse(answered.toString() || '{}') as { Items?: unknown[]; Item?: unknown; Responses?: Record<string, unknown[]> | unknown[] };
  const batched = Array.isArray(parsed.Responses) ? 0 : Object.values(parsed.Responses ?? {}).reduce((count, each) => count + each.length, 0);
  return (parsed.Items?.length ?? 0) + (parsed.Item ? 1 : 0) + batched;
}

/** Which DynamoDB requests to refuse as throttled, by their place in order (from 0) and operation ("PutItem"). */
export type ThrottlePlan = (requestIndex: number, operation: string) => boolean;

/**
 * A DynamoDB that throttles: requests the plan picks are answered as DynamoDB answers a table over its
 * capacity (400 ThrottlingException), the rest are passed on to DynamoDB Local. `hangAfter` stops
 * answering altogether after that many requests, as a function cut off by its timeout would see. It
 * counts the requests and the items they returned, for the bench.
 */
export async function startThrottlingDynamoDb(options: {
  upstream: string;
  port?: number;
  throttle: ThrottlePlan;
  hangAfter?: number;
}): Promise<ProxyServer & { throttled(): number; requests(): number; itemsReturned(): number }> {
  const upstream = new URL(options.upstream);
  let index = 0;
  let throttled = 0;
  let items = 0;
  const server = await startProxyServer(options.port ?? 0, async (incoming, body, response) => {
    const current = index;
    index += 1;
    if (options.hangAfter !== undefined && current >= options.hangAfter) return;
    const operation =
      String(incoming.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    if (options.throttle(current, operation)) {
      throttled += 1;
      answer(
        response,
        400,
        { 'content-type': 'application/x-amz-json-1.0' },
        JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' }),
      );
      return;
    }
    const passed = await forward(upstream, incoming, body);
    items += itemsIn(passed.body);
    answer(response, passed.status, passed.headers, passed.body);
  });
  return { ...server, throttled: () => throttled, requests: () => index, itemsReturned: () => items };
}
