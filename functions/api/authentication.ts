import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Viewer } from '../../shared/access';
import type { DirectoryTable } from '../commons/directory-table';
import type { UserPoolSettings } from '../commons/user-pool';

/** What a request carries between the router's steps: who made it, once their token is checked. */
export type ApiEnv = { store: { request: { viewer: Viewer } } };

/** The cookie the API sets at sign-in: HttpOnly, so script on the page can never read the token in it. */
export const SESSION_COOKIE = 'fiftysix_session';

/** No token, or one that is not valid (expired, forged, for another pool). */
export class NotSignedInError extends Error {
  constructor(message = 'Sign in first: send your ID token as "Authorization: Bearer <token>"') {
    super(message);
    this.name = 'NotSignedInError';
  }
}

/** A valid token for someone FiftySix does not know, or no longer lets in. */
export class UnknownUserError extends Error {
  constructor(email: string) {
    super(`${email} is not a FiftySix user, or no longer is: ask an administrator to add you`);
    this.name = 'UnknownUserError';
  }
}

/** The token a request carries: the Authorization header (the CLI, scripts) or the session cookie (the page). */
export function tokenOf(headers: Headers, cookies: readonly string[]): string | null {
  const authorization = headers.get('authorization');
  if (authorization) return authorization.replace(/^Bearer\s+/i, '').trim() || null;
  for (const cookie of cookies.flatMap((each) => each.split(';'))) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

/**
 * Checks Cognito ID tokens: signed by the pool's key, issued by it, for this app's client, unexpired.
 * The issuer is `<Cognito endpoint>/<pool id>`: in AWS the regional endpoint, locally cognito-local's,
 * so the same check runs in both. Keys are fetched with `fetch`, which also reads the local http JWKS.
 */
export class TokenVerifier {
  private readonly verifier;

  constructor(settings: UserPoolSettings, cognitoEndpoint: string) {
    const issuer = `${cognitoEndpoint.replace(/\/+$/, '')}/${settings.userPoolId}`;
    this.verifier = JwtRsaVerifier.create(
      {
        issuer,
        audience: settings.clientId,
        jwksUri: `${issuer}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'id') throw new Error('Not an ID token');
        },
      },
      { jwksCache: new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } }) },
    );
  }

  /** The signed-in person's email, or NotSignedInError. */
  async emailOf(token: string): Promise<string> {
    try {
      const payload = await this.verifier.verify(token);
      if (typeof payload.email !== 'string') throw new Error('The token names no email');
      // Access follows the email, so an address nobody has confirmed must not carry it.
      if (payload.email_verified !== true && payload.email_verified !== 'true') throw new Error('The token’s email is not verified');
      return payload.email.toLowerCase();
    } catch (error) {
      throw new NotSignedInError(`Your sign-in is not valid (${(error as Error).message}): sign in again`);
    }
  }
}

/**
 * Who the request comes from. The table, not the token, says which bodies a user acts for and whether
 * they administer: a change an administrator makes applies at once, not when the token expires.
 */
export async function viewerOf(token: string | null, verifier: TokenVerifier, directory: DirectoryTable): Promise<Viewer> {
  if (!token) throw new NotSignedInError();
  const email = await verifier.emailOf(token);
  const user = await directory.getUser(email);
  if (!user || user.removed) throw new UnknownUserError(email);
  return { actor: user.email, bodyIds: user.bodyIds, admin: user.admin };
}
