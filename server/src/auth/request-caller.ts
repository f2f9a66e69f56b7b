/**
 * The identity of a request, set once by the auth plugin (graphql/access/use-auth.ts) before anything
 * else runs, and read by every later plugin (audit, rate limits, the import endpoint) and the GraphQL
 * context. A WeakMap keyed by the Request: nothing to clean up, and nothing a client can forge.
 */
import type { Caller } from '../domain/access/caller.js';

const callers = new WeakMap<Request, Caller>();

export function setCaller(request: Request, caller: Caller): void {
  callers.set(request, caller);
}

/** Undefined for public paths (probes, the static web app) and for requests refused with 401. */
export function callerOf(request: Request): Caller | undefined {
  return callers.get(request);
}
