/**
 * The per-token rate limit the server runs with during the load benchmark: set through its environment
 * (RINGTRACE_RATE_LIMIT points a second, RINGTRACE_RATE_BURST more per 10 s, with the server-time budget
 * for expensive operations and the hold on refusals) and printed. The server's
 * defaults: a legitimate token carries `connections / users` connections of the mix, which at the
 * throughput 2 cores reach spend far less (each run reports what one token spent); the hostile client's
 * one token gets the same limit, which it exceeds by design.
 */
import { loadConfig } from '@ringtrace/server/config.js';
import type { PhaseResult } from './run-phase.js';

export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
  /** Each token's server time for expensive operations: ms regained a second, ms at most. */
  readonly heavyTime: { readonly perSecondMs: number; readonly burstMs: number } | null;
  /** How long a 429 is held before it is sent, ms. */
  readonly refusalHoldMs: number;
  readonly env: Record<string, string>;
}

export function rateLimit(): RateLimit {
  // The defaults, read the way the server reads them.
  const config = loadConfig({});
  const defaults = config.rateLimit;
  if (!defaults) throw new Error('the server has no rate limit by default');
  const { perSecond, burst } = defaults;
  const { heavyTime } = config;
  const refusalHoldMs = config.refusalHold.maxMs;
  return {
    perSecond,
    burst,
    heavyTime,
    refusalHoldMs,
    env: {
      RINGTRACE_RATE_LIMIT: String(perSecond),
      RINGTRACE_RATE_BURST: String(burst),
      RINGTRACE_HEAVY_MS_PER_SECOND: String(heavyTime?.perSecondMs ?? 0),
      ...(heavyTime && { RINGTRACE_HEAVY_BURST_MS: String(heavyTime.burstMs) }),
      RINGTRACE_REFUSAL_HOLD_MS: String(refusalHoldMs),
    },
  };
}

/** Points a second one legitimate token spent in a run, on average: answers by operation times their cost. */
export function demandPerToken(run: PhaseResult, points: Readonly<Record<string, number>>, users: number): number {
  let total = 0;
  // `search (viewer)` is `search`.
  for (const [op, f] of Object.entries(run.operations))
    total += f.latency.n * (points[op.replace(/ \(.*\)$/, '')] ?? 1);
  return total / run.seconds / users;
}
