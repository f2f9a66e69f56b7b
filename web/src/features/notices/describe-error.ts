/**
 * Turns a failure into words an investigator can act on: what went wrong, and what to do next. Pure:
 * reads the error's `code` (the API's `extensions.code`) and message, nothing else.
 */

export interface Problem {
  /** What failed, from the investigator's side ("Could not expand Khimprom"). */
  readonly title: string;
  /** The server's own words, or what we know. */
  readonly detail: string;
  /** What to do next. */
  readonly next: string;
  /** Worth trying again as is (the server was away or busy). */
  readonly retriable: boolean;
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

/** The server could not be reached or answered with a gateway error: it is (re)starting or down. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true; // fetch: network error, connection refused
  const message = messageOf(error);
  return /answered 50[234]\b|cannot reach the server|Failed to fetch|NetworkError|Load failed/i.test(message);
}

/** Worth retrying by itself, without the investigator: the server was away, busy or timed out. */
export function isTransient(error: unknown): boolean {
  const code = codeOf(error);
  return isUnreachable(error) || code === 'UNAVAILABLE' || (error as { retriable?: unknown })?.retriable === true;
}

const NEXT: Readonly<Record<string, string>> = {
  NOT_FOUND:
    'It is not in the database (any more). If it came from a saved view or a link, the case may have been reloaded: search for it by name.',
  INVALID_ARGUMENT: 'The request was refused as shown above; change what it names and try again.',
  LIMIT_EXCEEDED: 'Ask for less at once: select fewer nodes, or expand one relationship type at a time.',
  TIMEOUT: 'The query took too long. Try fewer hops, one relationship type, or fewer selected nodes.',
  UNAVAILABLE: 'The database is busy or restarting. Wait a moment and try again.',
  UNAUTHENTICATED: 'Sign in again, then retry.',
  FORBIDDEN: 'Your account may not do this. Ask the case administrator for access.',
  CONFLICT: 'Someone changed the same data. Reload and try again.',
};

/** A request the app itself cancelled (a newer keystroke, a closed panel): not a failure to show. */
export const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

/** A 403 names the right it needed and the least role holding it (ApiError.details): say both. */
function forbidden(error: unknown): string {
  const details = (error as { details?: { right?: unknown; role?: unknown } } | null)?.details;
  const right = typeof details?.right === 'string' ? details.right : undefined;
  const role = typeof details?.role === 'string' ? details.role : undefined;
  if (!right) return NEXT['FORBIDDEN']!;
  return `This needs the right “${right}”${role ? ` (role ${role} or above)` : ''}. Ask the case administrator for a token with a role that holds it.`;
}

/** A 429: the caller sent too much too fast (LIMIT_EXCEEDED with bound `rate`), not too big a request. */
const isRateLimit = (error: unknown): boolean =>
  (error as { details?: { bound?: unknown } } | null)?.details?.bound === 'rate';
const RATE = 'Too many requests in a short time: wait a few seconds (the server says how long above) and try again.';

/** A 429 with bound `concurrency`: one heavy query (Cypher, a saved query, 3+ hops) of this caller, or too many in all, still runs. */
const isBusy = (error: unknown): boolean =>
  (error as { details?: { bound?: unknown } } | null)?.details?.bound === 'concurrency';
const BUSY =
  'A heavy query (Cypher, a saved query or a 3-hop expansion) is still running for you or the server has as many as it runs at once: wait for it to finish, then try again.';

/** A 429 with bound `serverTime`: this caller's heavy queries used their share of a shared server's time. */
const isOutOfTime = (error: unknown): boolean =>
  (error as { details?: { bound?: unknown } } | null)?.details?.bound === 'serverTime';
const OUT_OF_TIME =
  'Your heavy queries (Cypher, saved queries, 3-hop expansions) have used their share of the server’s time while others use it too: wait as long as the server says above, or ask for less (fewer hops, a narrower query).';

export function describeError(error: unknown, doing: string): Problem {
  const code = codeOf(error);
  if (isUnreachable(error)) {
    return {
      title: `Could not ${doing}: the server did not answer`,
      detail: messageOf(error),
      next: 'It may be restarting; Ringtrace retried a few times. Check that the server runs (pnpm start), then try again. Your scene is kept.',
      retriable: true,
    };
  }
  return {
    title: `Could not ${doing}`,
    detail: messageOf(error),
    next:
      (code === 'FORBIDDEN'
        ? forbidden(error)
        : isRateLimit(error)
          ? RATE
          : isBusy(error)
            ? BUSY
            : isOutOfTime(error)
              ? OUT_OF_TIME
              : code && NEXT[code]) ??
      'Try again. If it keeps failing, note what you did and report it with the message above.',
    retriable: isTransient(error),
  };
}
