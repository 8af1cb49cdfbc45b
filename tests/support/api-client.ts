import type { UserPool } from '../../functions/commons/user-pool';
import { startAppServer } from '../../infra/local/app-server';
import { freePort } from '../../infra/local/emulators';

/** The API handler served over HTTP on a free port, as API Gateway invokes it. Import after the services are set up: the handler reads the environment at cold start. */
export async function startApi(): Promise<{ apiUrl: string; stop: () => Promise<void> }> {
  const api = await import('../../functions/api/handler');
  const port = await freePort();
  const server = await startAppServer(port, api.handler, async () => null);
  return { apiUrl: `http://127.0.0.1:${port}/api`, stop: server.stop };
}

/** A person's view of the API over real HTTP: signed in through the user pool as the page would be, or not at all. */
export class ApiClient {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string | null,
  ) {}

  static async signedIn(apiUrl: string, userPool: UserPool, email: string, password: string): Promise<ApiClient> {
    const signedIn = await userPool.signIn(email, password);
    if (signedIn.outcome !== 'signed-in') throw new Error(`${email} was asked for a new password`);
    return new ApiClient(apiUrl, signedIn.tokens.idToken);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the tests read answers by their shape and check them with expect, which is the type check here.
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; text: string; headers: Headers }> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Decoded keeping a byte-order mark, as Excel sees it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const isJson = response.headers.get('content-type')?.startsWith('application/json');
    return { status: response.status, body: isJson ? JSON.parse(text) : undefined, text, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown) => this.request('POST', path, body);
  put = (path: string, body: unknown) => this.request('PUT', path, body);
}
