import { DomainError } from '../domain/errors.js';

/**
 * Why a request has no identity. The reason is for the client to act on, and never says whether a token
 * exists: an unknown id and a wrong secret are both `invalid`; `expired` and `revoked` are told only
 * after the secret matched (whoever holds it may know).
 */
export type UnauthenticatedReason = 'missing' | 'malformed' | 'invalid' | 'expired' | 'revoked' | 'no-role';

export const unauthenticated = (reason: UnauthenticatedReason, message: string) =>
  new DomainError('UNAUTHENTICATED', message, { details: { reason } });
