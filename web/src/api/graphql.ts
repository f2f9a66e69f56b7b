/** Transport only: POST a GraphQL document to the server, return `data` or throw with the server's message. */

import { persistedQueryExtensions } from './persisted-hash.js';
import { session } from './session.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** Worth trying again as is (the server restarting, a busy writer, a timeout). */
    readonly retriable: boolean = false,
    /** The rest of the server's `extensions` (a 403's `right` and `role`, a 401's `reason`). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: ReadonlyArray<{
    message: string;
    extensions?: { code?: string; retriable?: boolean; reason?: string; [name: string]: unknown };
  }>;
}

const UNREACHABLE = 'cannot reach the server (it may be restarting): try again in a moment';

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal) {
  let response: Response;
  // The document's hash, for servers that run only persisted operations (persisted-hash.ts).
  const extensions = await persistedQueryExtensions(query);
  const token = session.token();
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...session.authHeaders(),
      },
      body: JSON.stringify({ query, variables, ...(extensions && { extensions }) }),
      ...(signal && { signal }),
    });
  } catch (error) {
    // A cancelled request is the caller's doing (a newer keystroke): it stays an AbortError to ignore.
    if (signal?.aborted) throw error;
    throw new ApiError(UNREACHABLE, 'UNAVAILABLE', true);
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = body.errors?.[0];
  if (response.status === 401 || error?.extensions?.code === 'UNAUTHENTICATED') {
    // The token is missing, expired or revoked: the app returns to the sign-in screen with the reason.
    session.refused(token, error?.message ?? 'not signed in', error?.extensions?.reason);
  }
  if (error) {
    const { code, retriable, ...details } = error.extensions ?? {};
    // Over the caller's rate limit (429): worth retrying after a pause, which withRetry's backoff gives.
    const paced = details['limit'] === 'rateLimit' && details['bound'] === 'rate';
    throw new ApiError(error.message, code, retriable === true || paced, details);
  }
  if (!response.ok || !body.data) {
    // A proxy's 502/503 while the server restarts has no GraphQL body.
    const down = response.status >= 500;
    throw new ApiError(
      down ? UNREACHABLE : `the server answered ${response.status}`,
      down ? 'UNAVAILABLE' : undefined,
      down,
    );
  }
  return body.data;
}
