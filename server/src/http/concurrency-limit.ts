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
 */
import type { ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { operationCost } from './rate-limit-cost.js';

export interface ConcurrencyLimitOptions {
  /** Expensive operations one caller may have in flight. */
  readonly perCaller: number;
  /** Expensive operations in flight in all. */
  readonly global: number;
  /** The caller's stable id, or undefined (app.ts: `(request) => callerOf(request)?.id`). */
  readonly callerKey: (request: Request) => string | undefined;
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

function refused(limit: Bound, max: number): ExecutionResult {
  const message =
    limit === 'callerConcurrency'
      ? `too many expensive operations in flight for this caller: at most ${max} at a time (callerConcurrency); ` +
        `wait for the running one to finish, then try again`
      : `too many expensive operations in flight on this server: at most ${max} at a time (globalConcurrency); ` +
        `try again in ${RETRY_AFTER_SECONDS} s`;
  const retryAfterSeconds = RETRY_AFTER_SECONDS;
  return {
    errors: [
      createGraphQLError(message, {
        extensions: {
          code: 'LIMIT_EXCEEDED',
          bound: 'concurrency',
          limit,
          max,
          retryAfterSeconds,
          http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
        },
      }),
    ],
  };
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
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (operationCost(args.document, args.operationName, args.variableValues) < EXPENSIVE_COST) return;
      const request = (args.contextValue as { request?: Request }).request;
      const key = request && options.callerKey(request);
      setExecuteFn(async (executeArgs) => {
        const slot = slots.take(key);
        if (typeof slot === 'string')
          return refused(slot, slot === 'callerConcurrency' ? options.perCaller : options.global);
        try {
          return await executeFn(executeArgs);
        } finally {
          slot();
        }
      });
    },
  };
}
