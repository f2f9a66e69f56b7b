/**
 * Who is calling: the one seam between a request and the identity that edits are recorded under
 * ("entered by <caller id> at <time>"). The auth plugin (access/use-auth.ts) verified the request's token
 * and set its Caller before GraphQL saw it; resolvers read `context.caller`, never the request.
 */
import { callerOf } from '../auth/request-caller.js';
import type { Caller } from '../domain/access/caller.js';
import { DomainError } from '../domain/errors.js';

export type { Caller } from '../domain/access/caller.js';

/** The request's verified caller; a request that reached here without one is refused, never run as nobody. */
export function callerFrom(request: Request): Caller {
  const caller = callerOf(request);
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'sign in: this request carries no verified token', { details: { reason: 'missing' } });
  return caller;
}
