/**
 * The page's one way to FiftySix: the API on the same origin. The session is in HttpOnly cookies the
 * browser sends by itself; this script never sees a token.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a request the API could not accept as sent: each problem, as "field: what is wrong". */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The session has ended (or never began): the page asks the person to sign in. */
export class SignedOutError extends ApiError {}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorFrom(response: Response): Promise<ApiError> {
  const answer = (await response.json().catch(() => ({}))) as { error?: string; message?: string; details?: { problems?: string[] } };
  const message = answer.message ?? `FiftySix could not do that (${response.status}): try again`;
  const Type = response.status === 401 ? SignedOutError : ApiError;
  return new Type(response.status, answer.error ?? 'error', message, answer.details?.problems ?? []);
}

/**
 * Calls the API. An ID token lasts an hour: when it has run out the session is renewed once with the
 * refresh cookie and the call made again, so a person is not sent back to sign in mid-task.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 401 && !path.startsWith('/session')) {
    const renewed = await send('POST', '/session/refresh', {});
    if (renewed.ok) response = await send(method, path, body);
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}
