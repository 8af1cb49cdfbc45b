import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RunningEmulator } from './emulators';

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What the server sends for a path that is not the API's: the office's page and its assets, or null for a 404. */
export type PageFiles = (path: string) => Promise<{ body: Buffer; contentType: string; cacheControl: string } | null>;

/**
 * The page's files from a build: an asset by its path, and the page itself for every other path, so
 * that an address within the page (a report's) opens it, as CloudFront's viewer function does.
 */
export function servedPage(assets: ReadonlyMap<string, { body: Buffer; contentType: string; cacheControl: string }>): PageFiles {
  return async (path) => (path.startsWith('/assets/') ? (assets.get(path) ?? null) : (assets.get('/index.html') ?? null));
}

/** Content types API Gateway passes through as text; anything else reaches the function base64-encoded, as in AWS. */
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/;

/**
 * The event API Gateway's HTTP API (payload format 2.0) gives the function for this request: headers
 * lower-cased and repeated ones joined by commas, cookies apart, the X-Forwarded headers it adds.
 */
export function apiGatewayEvent(request: IncomingMessage, body: Buffer, port: number): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'cookie' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
  Object.assign(headers, { 'x-forwarded-for': sourceIp, 'x-forwarded-port': String(port), 'x-forwarded-proto': 'http' });
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const cookies = request.headers.cookie
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const isText = body.length === 0 || TEXT_TYPES.test(request.headers['content-type'] ?? 'text/plain');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? `127.0.0.1:${port}`,
      domainPrefix: 'local',
      http: { method: request.method ?? 'GET', path: url.pathname, protocol: `HTTP/${request.httpVersion}`, sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
}

/** A Lambda context for one invocation, with a timeout like the API function's. */
function lambdaContext(requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'fiftysix-local-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:fiftysix-local-api',
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/fiftysix-local-api',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2, securityHeaders: Record<string, string>): void {
  const headers: Record<string, string | string[]> = { ...securityHeaders, ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

/**
 * The local stand-in for what serves FiftySix in AWS: `/api/*` goes to the API function as API Gateway
 * would invoke it, everything else to the office's page, from one origin as CloudFront serves them,
 * each answer with the security headers CloudFront adds.
 */
export async function startAppServer(
  port: number,
  api: ApiHandler,
  page: PageFiles,
  securityHeaders: Record<string, string> = {},
): Promise<RunningEmulator & { server: Server }> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/api' || path.startsWith('/api/')) {
        const event = apiGatewayEvent(request, await readBody(request), port);
        send(response, await api(event, lambdaContext(event.requestContext.requestId)), securityHeaders);
        return;
      }
      const file = await page(path);
      if (!file) {
        response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      response.writeHead(200, { ...securityHeaders, 'content-type': file.contentType, 'cache-control': file.cacheControl }).end(file.body);
    })().catch((error: Error) => {
      process.stderr.write(`The local app server failed on ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal', message: 'The API function failed: see the "npm start" terminal' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
