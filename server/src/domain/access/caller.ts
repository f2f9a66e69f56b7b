import type { Right, Role } from './rights.js';
import { hasRight } from './rights.js';

/**
 * Who is calling, once authenticated: an API token, a verified single-sign-on token, or the operator of
 * a CLI command run with a token. Every check and every audit entry reads this; nothing reads the request.
 */
export interface Caller {
  /** Stable and unique: `token:<token id>` or `oidc:<issuer subject>`. Recorded as `loadedBy` of edits. */
  readonly id: string;
  /** For people: the token's name or the sign-in's e-mail/name claim. */
  readonly name: string;
  readonly role: Role;
  readonly via: 'token' | 'oidc';
  /** The API token's id (for revocation, rate limits and the audit trail); absent for single sign-on. */
  readonly tokenId?: string | undefined;
}

export const can = (caller: Caller, right: Right): boolean => hasRight(caller.role, right);
