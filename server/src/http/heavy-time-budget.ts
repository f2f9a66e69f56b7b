/**
 * Per caller, the server time its expensive operations may take (concurrency-limit.ts says which are
 * expensive: ad-hoc and saved Cypher, neighbourhoods of 3 hops or more). The rate limit counts requests
 * and the concurrency limit how many run at once; neither bounds how long they hold the engine, and one
 * ad-hoc query may hold an analyst connection (a whole core) for its 30 s timeout, then start again. In
 * the load benchmark a hostile token that kept one such query running made the other users' p99 25x
 * slower. This bounds the share: a bucket of `burstMs` that refills at `perSecondMs` each second;
 * an operation may start while the bucket holds at least MIN_START_MS (or the whole burst, if smaller),
 * its query timeout is cut to what the bucket holds (the resolver says so when it is hit), and the time
 * it took is taken out when it ends (a bucket may go below zero: the debt is waited out).
 *
 * The budget is a share, so it binds only while the server is shared: when no other caller has sent
 * anything for ACTIVE_WINDOW_MS, an expensive operation starts and runs with its own timeout whatever
 * its caller's bucket holds (an analyst alone on a laptop is never cut short); it is still charged.
 *
 * A bucket, not rate-limiter-flexible's fixed windows: those forget a debt when the window turns, so a
 * 30 s query charged at its end would cost its caller at most one window.
 */
export interface HeavyTimeBudgetOptions {
  /** Server time each caller's bucket regains each second, in ms. */
  readonly perSecondMs: number;
  /** The most it holds, in ms: what a caller idle for a while may spend at once. */
  readonly burstMs: number;
}

/** A tenth of a second each second (a tenth of one core), up to 5 s at once. */
export const DEFAULT_HEAVY_TIME_BUDGET: HeavyTimeBudgetOptions = { perSecondMs: 100, burstMs: 5_000 };

/** An operation starts only with this much left: a query cut to a few ms would only fail. */
export const MIN_START_MS = 1_000;

/** A caller that sent a request this recently shares the server. */
export const ACTIVE_WINDOW_MS = 2_000;

export interface HeavyTimeBudget {
  readonly options: HeavyTimeBudgetOptions;
  /** Ms the caller may spend now (negative while it waits out a debt). */
  left(key: string): number;
  /** Ms until the caller may start an expensive operation again (0: now). */
  waitMs(key: string): number;
  /** Takes `ms` of server time out of the caller's bucket. */
  charge(key: string, ms: number): void;
  /** Notes that the caller sent a request (any request: it is what makes the server shared). */
  seen(key: string): void;
  /** Whether another caller sent a request within ACTIVE_WINDOW_MS: only then does the budget bind. */
  shared(key: string): boolean;
  /** Callers whose bucket is not full (for tests: full ones are forgotten). */
  size(): number;
}

export function createHeavyTimeBudget(
  options: HeavyTimeBudgetOptions,
  now: () => number = () => performance.now(),
): HeavyTimeBudget {
  if (!(options.perSecondMs > 0) || !(options.burstMs > 0)) throw new Error('a time budget needs a rate and a burst');
  // Only callers below a full bucket are kept: a missing entry is a full bucket.
  const buckets = new Map<string, { balance: number; at: number }>();
  const minStart = Math.min(MIN_START_MS, options.burstMs);
  // When each caller last sent a request; entries older than the window are dropped as they are met.
  const lastSeen = new Map<string, number>();
  const left = (key: string) => {
    const b = buckets.get(key);
    if (!b) return options.burstMs;
    const balance = Math.min(options.burstMs, b.balance + ((now() - b.at) * options.perSecondMs) / 1000);
    if (balance >= options.burstMs) buckets.delete(key);
    return balance;
  };
  return {
    options,
    left,
    waitMs: (key) => Math.max(0, ((minStart - left(key)) * 1000) / options.perSecondMs),
    charge(key, ms) {
      buckets.set(key, { balance: left(key) - Math.max(0, ms), at: now() });
    },
    seen(key) {
      // Re-inserted, so the map stays in order of last request and the stale ones are at its head.
      lastSeen.delete(key);
      lastSeen.set(key, now());
      // The stale ones are at the head: dropped here too, so the map holds only recent callers.
      const since = now() - ACTIVE_WINDOW_MS;
      for (const [other, at] of lastSeen) {
        if (at >= since) break;
        lastSeen.delete(other);
      }
    },
    shared(key) {
      const since = now() - ACTIVE_WINDOW_MS;
      for (const [other, at] of lastSeen) {
        if (at >= since) {
          if (other !== key) return true;
        } else lastSeen.delete(other);
      }
      return false;
    },
    size: () => buckets.size,
  };
}
