/**
 * Concurrency limits for expensive operations: the rate limit (rate-limit.ts) bounds how many a caller
 * may start each second, not how many hold the store at once, and one ad-hoc Cypher query or 3-hop hub
 * neighbourhood may hold it up to the operation timeout (30 s). So an operation costing at least
 * EXPENSIVE_COST points (rate-limit-cost.ts: runCypher, runSavedQuery, neighbourhood at depth 3 or more)
 * needs a slot: at most `perCaller` in flight per caller (callerOf's id) and `global` in all. Cheaper
 * operations (paths and connectingNetwork at 5 points included) are never counted nor refused.
 * Over a cap the answer is at once a 429 with Retry-After and the rate limit's error shape (code
 * LIMIT_EXCEEDED, bound `concurrency`, limit, max, retryAfterSeconds): never a silent queue.
 * A slot is taken when execution starts (after the rights check and the rate limit's charge) and given
 * back when the executor settles: result, error, or the operation timeout (which aborts the executor).
 * A client's disconnect does not free it early: the store's statements cannot be interrupted (the port
 * takes no signal, Kuzu's Node binding has no interrupt), so an early release would let a client
 * disconnect and resend to keep more work running in the engine than its slot allows.
 * With `time` (heavy-time-budget.ts), a caller's expensive operations also share a budget of server
 * time: one starts only with enough left (else 429, bound `serverTime`), its query timeout is cut to
 * what is left (context.heavyTimeLeftMs), and the time it took is charged when it ends.
 * Refusals are held (`hold`, refusal-hold.ts) before they are sent.
 */
import type { ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../graphql/context.js';
import type { HeavyTimeBudget } from './heavy-time-budget.js';
import { operationCost } from './rate-limit-cost.js';
import { NO_HOLD, type RefusalHold } from './refusal-hold.js';

export interface ConcurrencyLimitOptions {
  /** Expensive operations one caller may have in flight. */
  readonly perCaller: number;
  /** Expensive operations in flight in all. */
  readonly global: number;
  /** The caller's stable id, or undefined (app.ts: `(request) => callerOf(request)?.id`). */
  readonly callerKey: (request: Request) => string | undefined;
  /** Each caller's server time for expensive operations (default: unbounded). */
  readonly time?: HeavyTimeBudget;
  /** Holds each refusal before it is sent (default: none). */
  readonly hold?: RefusalHold;
}

/**
 * Deep neighbourhoods run on the embedded store's 4 read connections: 3 in all leaves one for
 * cheap reads. Cypher runs on its 2 analyst connections, which refuse a third at once (UNAVAILABLE).
 */
export const DEFAULT_CONCURRENCY = { perCaller: 1, global: 3 } as const;

/**
 * From this many points (rate-limit-cost.ts) an operation is expensive: runCypher, runSavedQuery and a
 * 3-hop neighbourhood cost 10. Paths (5) are not: bounded by hops and count, they are a fifth of the
 * legitimate load mix (test/bench/load), whose clients send them in parallel on one token.
 */
export const EXPENSIVE_COST = 10;

const RETRY_AFTER_SECONDS = 1;

type Bound = 'callerConcurrency' | 'globalConcurrency';

const limitExceeded = (
  message: string,
  extensions: { bound: string; limit: string; max: number; retryAfterSeconds: number },
): ExecutionResult => ({
  errors: [
    createGraphQLError(message, {
      extensions: {
        code: 'LIMIT_EXCEEDED',
        ...extensions,
        http: { status: 429, headers: { 'retry-after': String(extensions.retryAfterSeconds) } },
      },
    }),
  ],
});

function outOfTime(time: HeavyTimeBudget, waitMs: number): ExecutionResult {
  const { perSecondMs, burstMs } = time.options;
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return limitExceeded(
    `this caller's server time for expensive operations is spent: it regains ${perSecondMs} ms a second, ` +
      `up to ${burstMs} ms (heavyTimeBudget); try again in ${retryAfterSeconds} s`,
    { bound: 'serverTime', limit: 'heavyTimeBudget', max: burstMs, retryAfterSeconds },
  );
}

function refused(limit: Bound, max: number): ExecutionResult {
  const message =
    limit === 'callerConcurrency'
      ? `too many expensive operations in flight for this caller: at most ${max} at a time (callerConcurrency); ` +
        `wait for the running one to finish, then try again`
      : `too many expensive operations in flight on this server: at most ${max} at a time (globalConcurrency); ` +
        `try again in ${RETRY_AFTER_SECONDS} s`;
  return limitExceeded(message, { bound: 'concurrency', limit, max, retryAfterSeconds: RETRY_AFTER_SECONDS });
}

/** The counters, apart from yoga so the slot bookkeeping can be tested on its own. */
export function createSlots(options: Omit<ConcurrencyLimitOptions, 'callerKey'>) {
  const perCaller = new Map<string, number>();
  let total = 0;
  return {
    /** A release function (idempotent), or the bound that refused. */
    take(key: string | undefined): (() => void) | Bound {
      const mine = key === undefined ? 0 : (perCaller.get(key) ?? 0);
      if (key !== undefined && mine >= options.perCaller) return 'callerConcurrency';
      if (total >= options.global) return 'globalConcurrency';
      total += 1;
      if (key !== undefined) perCaller.set(key, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        if (key === undefined) return;
        const left = (perCaller.get(key) ?? 1) - 1;
        if (left > 0) perCaller.set(key, left);
        else perCaller.delete(key);
      };
    },
    /** For tests and logs: slots in use, in all and per caller. */
    state: () => ({ total, callers: Object.fromEntries(perCaller) }),
  };
}

export type Slots = ReturnType<typeof createSlots>;

export function useConcurrencyLimit(options: ConcurrencyLimitOptions, slots: Slots = createSlots(options)): Plugin {
  const { time, hold = NO_HOLD } = options;
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      const key = request && options.callerKey(request);
      if (key !== undefined) time?.seen(key);
      if (operationCost(args.document, args.operationName, args.variableValues) < EXPENSIVE_COST) return;
      setExecuteFn(async (executeArgs) => {
        // The budget binds only while another caller shares the server; the time is charged regardless.
        const budget = key !== undefined && time?.shared(key) ? time : undefined;
        const wait = budget?.waitMs(key!) ?? 0;
        if (wait > 0) {
          await hold(wait);
          return outOfTime(budget!, wait);
        }
        const slot = slots.take(key);
        if (typeof slot === 'string') {
          await hold(RETRY_AFTER_SECONDS * 1000);
          return refused(slot, slot === 'callerConcurrency' ? options.perCaller : options.global);
        }
        if (budget) (executeArgs.contextValue as GraphQLContext).heavyTimeLeftMs = budget.left(key!);
        const started = performance.now();
        try {
          return await executeFn(executeArgs);
        } finally {
          slot();
          if (key !== undefined) time?.charge(key, performance.now() - started);
        }
      });
    },
  };
}
