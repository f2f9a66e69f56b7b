/**
 * From a credential to a Caller: an API token (`rt_...`) through the token store, a JWT through the
 * single sign-on verifier when one is configured. Used by the HTTP auth plugin and the CLI alike.
 */
import type { Caller } from '../domain/access/caller.js';
import type { OidcVerifier } from './oidc.js';
import { TOKEN_PREFIX } from './token-format.js';
import type { TokenStore } from './token-store.js';
import { unauthenticated } from './unauthenticated.js';

export interface Authenticator {
  readonly tokens: TokenStore;
  /** A token string (no `Bearer `) to its caller; UNAUTHENTICATED with a reason otherwise. */
  authenticate(credential: string | undefined): Promise<Caller>;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export function createAuthenticator({ tokens, oidc }: { tokens: TokenStore; oidc?: OidcVerifier | null }): Authenticator {
  return {
    tokens,
    async authenticate(credential) {
      const token = credential?.trim();
      if (!token) throw unauthenticated('missing', 'sign in: send a token as `Authorization: Bearer <token>`');
      if (token.startsWith(TOKEN_PREFIX)) return tokens.verify(token);
      if (oidc && JWT_SHAPE.test(token)) return oidc.verify(token);
      throw unauthenticated('malformed', 'the token is malformed (expected an API token rt_<id>_<secret>)');
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header; undefined when absent or another scheme. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}
