import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { limitError } from './limit-error.js';

type Executed = ExecutionResult | AsyncIterable<unknown>;

/**
 * Bounds one whole operation: from the start of execution to its result, every resolver and store call
 * included. At the limit the answer is a TIMEOUT error naming it, at once; the executor is aborted so
 * no further resolver starts. A store statement already running is not interrupted here: it finishes
 * or hits the store's own per-statement timeout, and its result is dropped (so a mutation answered
 * TIMEOUT may still be written).
 */
export function useOperationTimeout(timeoutMs: number, logger?: Logger): Plugin {
  const timedOut = () => ({
    data: null,
    errors: [
      limitError(
        'operationTimeoutMs',
        timeoutMs,
        `the operation ran longer than ${timeoutMs} ms, the limit (operationTimeoutMs), and was stopped`,
        { code: 'TIMEOUT' },
      ),
    ],
  });
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const deadline = new AbortController();
        // A signal already there (a client's disconnect) still aborts as well.
        const given = (args as { signal?: AbortSignal }).signal;
        const signal = given ? AbortSignal.any([given, deadline.signal]) : deadline.signal;
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<Executed>((resolve) => {
          timer = setTimeout(() => {
            // An operator should see these: a query too heavy for the data, or a store that slowed down.
            logger?.warn({ timeoutMs, operationName: args.operationName ?? null }, 'operation timed out');
            deadline.abort(new Error(`operation timeout (${timeoutMs} ms)`));
            resolve(timedOut());
          }, timeoutMs);
        });
        // @graphql-tools/executor (yoga's) stops at `signal` and rejects with its reason: that is the timeout too.
        const running = Promise.resolve()
          .then(() => executeFn({ ...args, signal } as typeof args) as Executed | Promise<Executed>)
          .catch((error: unknown) => {
            if (deadline.signal.aborted) return timedOut();
            throw error;
          });
        try {
          return await Promise.race([running, expired]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
