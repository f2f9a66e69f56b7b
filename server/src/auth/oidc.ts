/**
 * Single sign-on: a JWT from an OpenID Connect provider, verified with jose against the provider's JWKS
 * (fetched and cached by createRemoteJWKSet, refetched for an unknown key id). The algorithm is pinned:
 * a token with any other `alg` (`none`, or HS256 "signed" with the public key) is refused before its
 * signature is looked at. Issuer, audience and expiry are checked; the role comes from one claim.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Caller } from '../domain/access/caller.js';
import { isRole, ROLES, type Role } from '../domain/access/rights.js';
import { unauthenticated } from './unauthenticated.js';

export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** One JWS algorithm (RS256 by default): every other is refused. */
  readonly algorithm: string;
  /** The claim holding the Ringtrace role (`ringtrace_role` by default): a role name, or a list of names. */
  readonly roleClaim: string;
}

export interface OidcVerifier {
  verify(jwt: string): Promise<Caller>;
}

/** A role name, or the highest role named in a list (a provider's groups claim); unknown names are ignored. */
function roleIn(claim: unknown): Role | undefined {
  const names = Array.isArray(claim) ? claim : [claim];
  const roles = names.filter(isRole);
  return roles.length === 0 ? undefined : roles.reduce((a, b) => (ROLES.indexOf(b) > ROLES.indexOf(a) ? b : a));
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function createOidcVerifier(config: OidcConfig, options: { timeoutMs?: number } = {}): OidcVerifier {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: options.timeoutMs ?? 5000 });
  return {
    async verify(jwt) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(jwt, jwks, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: [config.algorithm],
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthenticated('expired', 'the sign-in token expired');
        throw unauthenticated('invalid', 'the sign-in token is not valid');
      }
      const role = roleIn(payload[config.roleClaim]);
      if (!role) throw unauthenticated('no-role', 'no Ringtrace role in the sign-in token');
      const subject = payload.sub!;
      const name = text(payload['email']) ?? text(payload['name']) ?? text(payload['preferred_username']) ?? subject;
      return { id: `oidc:${subject}`, name, role, via: 'oidc' };
    },
  };
}
