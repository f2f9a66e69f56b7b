/**
 * Holds a refusal (a 429 from the rate or concurrency limits) before it is sent, as nginx's `limit_req`
 * delays what exceeds its rate. A client that resends the moment it is refused turns each of its
 * connections into a loop that costs the server a whole request's work per refusal (HTTP, the token
 * check, the audit record): in the load benchmark (test/bench/load) a hostile client on 32 connections
 * got 3,372 refusals a second, which took 1.25 of the server's 2 cores and made the paced users' p99
 * 7.3x slower. Held up to a second, each such connection costs about one refusal a second.
 *
 * At most `maxHeld` refusals wait at once; beyond that they are sent at once, so holding cannot pile up
 * open sockets without bound. A client that waits for Retry-After anyway loses nothing: the hold is
 * never longer than the time the limit asks it to wait.
 */
export interface RefusalHoldOptions {
  /** The longest hold, in ms (0: refusals are sent at once). */
  readonly maxMs: number;
  /** Refusals held at once, at most. */
  readonly maxHeld: number;
}

export interface RefusalHold {
  /** Resolves after `ms` (at most `maxMs`), or at once when `maxHeld` refusals are already waiting. */
  (ms: number): Promise<void>;
  /** Refusals waiting now. */
  readonly held: () => number;
}

export const DEFAULT_REFUSAL_HOLD: RefusalHoldOptions = { maxMs: 1_000, maxHeld: 1_000 };

/** A hold that never waits: for apps built without one (tests of the limits themselves). */
export const NO_HOLD: RefusalHold = Object.assign(() => Promise.resolve(), { held: () => 0 });

export function createRefusalHold(options: RefusalHoldOptions): RefusalHold {
  let waiting = 0;
  const hold = async (ms: number) => {
    const wait = Math.min(Math.max(0, ms), options.maxMs);
    if (wait === 0 || waiting >= options.maxHeld) return;
    waiting += 1;
    try {
      await new Promise((resolve) => setTimeout(resolve, wait));
    } finally {
      waiting -= 1;
    }
  };
  return Object.assign(hold, { held: () => waiting });
}
