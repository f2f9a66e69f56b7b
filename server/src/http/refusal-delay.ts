/**
 * Holds a rate-limit refusal for a while before it is sent (nginx's limit_req delays excess requests the
 * same way). A client that ignores Retry-After and asks again at once, a flood, then sends one request per
 * connection per delay instead of thousands a second: the server answers far fewer refusals, and the
 * machine the flood comes from, often shared with honest users, works less too. A waiting refusal holds
 * only a timer and its socket; past `maxHeld` waiting at once, refusals go out at once, so a client cannot
 * tie the server up by opening connections.
 */
export interface RefusalDelayOptions {
  /** How long a refusal waits, at most (never past the moment the caller may try again). 0: not at all. */
  readonly delayMs: number;
  /** Refusals waiting at once, at most. */
  readonly maxHeld: number;
}

export const DEFAULT_REFUSAL_DELAY_MS = 1000;
export const DEFAULT_MAX_HELD_REFUSALS = 1000;

export interface RefusalDelay {
  /** Resolves, with the ms it held, when the refusal may be sent: after min(delayMs, retryAfterMs), or at once when full. */
  hold(retryAfterMs: number): Promise<number>;
  /** Refusals waiting now (for tests and logs). */
  held(): number;
}

export function createRefusalDelay({ delayMs, maxHeld }: RefusalDelayOptions): RefusalDelay {
  let held = 0;
  return {
    async hold(retryAfterMs) {
      const ms = Math.min(delayMs, retryAfterMs);
      if (ms <= 0 || held >= maxHeld) return 0;
      held++;
      try {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return ms;
      } finally {
        held--;
      }
    },
    held: () => held,
  };
}
