import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { GraphStore } from '../store/port.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** `/ready` answers 200 once the store answers a query, 503 with a reason otherwise. */
export function useStoreReadiness(store: GraphStore, logger: Logger, timeoutMs = 5000): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    async check() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DomainError('TIMEOUT', `the store did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([store.countByKind(), timeout]);
        return json(200, { status: 'ready', engine: store.info.engine });
      } catch (error) {
        logger.warn({ err: error }, 'readiness check failed');
        // Only our own messages are shown; an engine's may carry internals.
        const reason = isDomainError(error) && error.code !== 'INTERNAL' ? error.message : 'the store is not answering';
        return json(503, { status: 'unavailable', engine: store.info.engine, reason });
      } finally {
        clearTimeout(timer);
      }
    },
  });
}
