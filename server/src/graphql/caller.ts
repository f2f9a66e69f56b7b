/**
 * Who is calling: the one seam between a request and the identity that edits are recorded under
 * ("entered by <caller> at <time>"). Until the API has authentication (issue 7: tokens and roles), every
 * request is the fixed local identity: the server listens on loopback by default, so the caller is whoever
 * uses this machine. Issue 7 replaces the body of callerFrom (reading a verified token) and nothing else:
 * resolvers read `context.caller`, never the request.
 */
export interface Caller {
  /** Recorded as `loadedBy` of each edit's source and in its name (`edit by <id>`). */
  readonly id: string;
}

/** The identity of every request while the API has no authentication. */
export const LOCAL_CALLER: Caller = Object.freeze({ id: 'local' });

export function callerFrom(_request: Request): Caller {
  return LOCAL_CALLER;
}
