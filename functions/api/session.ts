import type { Router } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod/mini';
import type { SessionTokens, UserPool } from '../commons/user-pool';
import { type ApiEnv, SESSION_COOKIE } from './authentication';

/** The refresh token lives in its own cookie, sent only to the session routes that use it. */
const REFRESH_COOKIE = 'fiftysix_refresh';
/** Cognito's answer to a first sign-in asks for a new password within minutes; its session string waits here meanwhile. */
const CHALLENGE_COOKIE = 'fiftysix_challenge';
const SESSION_PATH = '/api/session';
const REFRESH_DAYS = 30;

const email = z.email('must be an email address');
const password = z.string().check(z.minLength(1, 'enter your password'), z.maxLength(256));

export const signInRequest = z.strictObject({ email, password });
export const newPasswordRequest = z.strictObject({ email, newPassword: password });
export const forgottenPasswordRequest = z.strictObject({ email });
export const resetPasswordRequest = z.strictObject({
  email,
  code: z.string().check(z.regex(/^\d{4,10}$/, 'enter the code from the email')),
  newPassword: password,
});

/** A refusal from Cognito a person can act on, as the page shows it. */
export class SignInRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SignInRefusedError';
  }
}

/** What Cognito's refusals mean to the person signing in; anything else is ours to look into. */
const COGNITO_REFUSALS: Record<string, [number, string]> = {
  NotAuthorizedException: [401, 'The email address or password is not right'],
  UserNotFoundException: [401, 'The email address or password is not right'],
  PasswordResetRequiredException: [401, 'Your password must be reset: choose “Forgotten your password?”'],
  InvalidPasswordException: [422, ''],
  CodeMismatchException: [422, 'The code is not right: check the email, or ask for a new one'],
  ExpiredCodeException: [422, 'The code has expired: ask for a new one'],
  LimitExceededException: [429, 'Too many attempts: wait a few minutes and try again'],
  TooManyRequestsException: [429, 'Too many attempts: wait a few minutes and try again'],
};

/** cognito-local answers a wrong password at sign-in as an invalid one, where Cognito says "not authorized": the same to the person. */
const SIGN_IN_REFUSALS: Record<string, [number, string]> = { InvalidPasswordException: COGNITO_REFUSALS.NotAuthorizedException! };

async function refusalsExplained<T>(attempt: () => Promise<T>, overrides: Record<string, [number, string]> = {}): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    const refusal = overrides[(error as Error).name] ?? COGNITO_REFUSALS[(error as Error).name];
    if (!refusal) throw error;
    // Cognito's own words say which password rule was not met.
    throw new SignInRefusedError(
      refusal[1] || (error as Error).message.replace(/^Password does not conform to policy: /, 'Choose a password that meets the rules: '),
      refusal[0],
    );
  }
}

interface CookieOptions {
  path: string;
  maxAgeSeconds: number;
  secure: boolean;
}

/** HttpOnly so that script on the page can never read it; SameSite=Strict so that no other site's page can send it. */
function cookie(name: string, value: string, { path, maxAgeSeconds, secure }: CookieOptions): string {
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

function cookieOf(cookies: readonly string[], name: string): string | null {
  for (const each of cookies.flatMap((header) => header.split(';'))) {
    const [key, ...value] = each.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}

/**
 * The page's sign-in: the API signs in with Cognito on the person's behalf and keeps the tokens in
 * HttpOnly cookies, so no script ever holds one. First sign-in's new password and a forgotten password
 * go the same way. These routes need no token; every other does.
 */
export function sessionRoutes(app: Router<ApiEnv>, userPool: UserPool): void {
  // Cookies marked Secure are dropped on plain http, which only the local stack uses.
  const secureOf = (request: Request) => (request.headers.get('x-forwarded-proto') ?? 'https') === 'https';
  const cookiesOf = (event: unknown) => ((event as { cookies?: string[] }).cookies ?? []) as string[];
  const signedIn = (tokens: SessionTokens, secure: boolean, extra: string[] = []) => ({
    statusCode: 200,
    body: { signedIn: true },
    cookies: [
      cookie(SESSION_COOKIE, tokens.idToken, { path: '/api', maxAgeSeconds: tokens.expiresInSeconds, secure }),
      ...(tokens.refreshToken ? [cookie(REFRESH_COOKIE, tokens.refreshToken, { path: SESSION_PATH, maxAgeSeconds: REFRESH_DAYS * 86_400, secure })] : []),
      ...extra,
    ],
  });
  const cleared = (secure: boolean) =>
    [
      [SESSION_COOKIE, '/api'],
      [REFRESH_COOKIE, SESSION_PATH],
      [CHALLENGE_COOKIE, SESSION_PATH],
    ].map(([name, path]) => cookie(name!, '', { path: path!, maxAgeSeconds: 0, secure }));

  app.post(
    SESSION_PATH,
    async (reqCtx) => {
      const secure = secureOf(reqCtx.req);
      const { email: who, password: secret } = reqCtx.valid.req.body;
      const outcome = await refusalsExplained(() => userPool.signIn(who.toLowerCase(), secret), SIGN_IN_REFUSALS);
      if (outcome.outcome === 'signed-in') return signedIn(outcome.tokens, secure);
      return {
        statusCode: 200,
        body: { newPasswordRequired: true },
        cookies: [cookie(CHALLENGE_COOKIE, encodeURIComponent(outcome.session), { path: SESSION_PATH, maxAgeSeconds: 180, secure })],
      };
    },
    { validation: { req: { body: signInRequest } } },
  );

  app.post(
    `${SESSION_PATH}/new-password`,
    async (reqCtx) => {
      const secure = secureOf(reqCtx.req);
      const challenge = cookieOf(cookiesOf(reqCtx.event), CHALLENGE_COOKIE);
      if (!challenge) throw new SignInRefusedError('Your sign-in has expired: sign in again with your temporary password', 401);
      const { email: who, newPassword } = reqCtx.valid.req.body;
      const tokens = await refusalsExplained(() => userPool.setNewPassword(who.toLowerCase(), decodeURIComponent(challenge), newPassword));
      return signedIn(tokens, secure, [cookie(CHALLENGE_COOKIE, '', { path: SESSION_PATH, maxAgeSeconds: 0, secure })]);
    },
    { validation: { req: { body: newPasswordRequest } } },
  );

  app.post(`${SESSION_PATH}/refresh`, async (reqCtx) => {
    const secure = secureOf(reqCtx.req);
    const refreshToken = cookieOf(cookiesOf(reqCtx.event), REFRESH_COOKIE);
    if (!refreshToken) throw new SignInRefusedError('Sign in first', 401);
    return signedIn(await refusalsExplained(() => userPool.refresh(refreshToken)), secure);
  });

  app.post(`${SESSION_PATH}/sign-out`, async (reqCtx) => {
    const refreshToken = cookieOf(cookiesOf(reqCtx.event), REFRESH_COOKIE);
    // Revoked, the refresh token can make no new session even if the cookie was copied.
    if (refreshToken) await userPool.revoke(refreshToken);
    return { statusCode: 200, body: { signedIn: false }, cookies: cleared(secureOf(reqCtx.req)) };
  });

  app.post(
    `${SESSION_PATH}/forgotten-password`,
    async (reqCtx) => {
      try {
        await userPool.forgotPassword(reqCtx.valid.req.body.email.toLowerCase());
      } catch (error) {
        // Whether an address has an account is not told to whoever asks.
        if ((error as Error).name !== 'UserNotFoundException') await refusalsExplained(() => Promise.reject(error));
      }
      return { statusCode: 202, body: { sent: true } };
    },
    { validation: { req: { body: forgottenPasswordRequest } } },
  );

  app.post(
    `${SESSION_PATH}/reset-password`,
    async (reqCtx) => {
      const { email: who, code, newPassword } = reqCtx.valid.req.body;
      await refusalsExplained(() => userPool.resetPassword(who.toLowerCase(), code, newPassword));
      return { statusCode: 200, body: { reset: true } };
    },
    { validation: { req: { body: resetPasswordRequest } } },
  );
}

/** The session routes need no token: they are how a person gets one. */
export const SESSION_ROUTES = ['', '/new-password', '/refresh', '/sign-out', '/forgotten-password', '/reset-password'].map(
  (path) => `POST ${SESSION_PATH}${path}`,
);
