/**
 * Builds the HTTP app; listens nowhere (main.ts does). The result is a graphql-yoga instance: a Node
 * request listener for `http.createServer`, and `app.fetch(request)` for tests, in-process.
 *   /graphql  the API          /health  the process is up        /ready  the store answers
 *   /         the built web app (when `webRoot` is given)
 */

import { createYoga, type YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDomainError } from './domain/errors.js';
import { createContext, type GraphQLContext } from './graphql/context.js';
import { createMaskError } from './graphql/mask-error.js';
import { createSchema } from './graphql/schema.js';
import { useStaticWeb } from './http/use-static-web.js';
import { useStoreReadiness } from './http/use-store-readiness.js';
import type { GraphStore } from './store/port.js';

export interface AppOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  /** Directory of the built web app (web/dist); absent: only the API and the probes. */
  readonly webRoot?: string | undefined;
}

const GRAPHQL = '/graphql';
const HEALTH = '/health';
const READY = '/ready';

/** The resolver's own error inside the GraphQLError yoga logs, if any. */
const originalOf = (error: Error) => (error as { originalError?: unknown }).originalError ?? error;

/**
 * Yoga logs with (message, ...details); pino wants (object, message). Yoga also logs every error the
 * masker replaced: an expected DomainError (NOT_FOUND...) is routine, so it goes to debug, not error.
 */
function yogaLogger(logger: Logger): YogaLogger {
  const level =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const error = args.find((a) => a instanceof Error);
      const message = args.filter((a) => typeof a === 'string').join(' ');
      if (!error) return logger[name](message);
      const original = originalOf(error);
      if (name === 'error' && isDomainError(original) && original.code !== 'INTERNAL') {
        return logger.debug({ code: original.code, reason: original.message }, 'request refused');
      }
      logger[name]({ err: original }, message || 'unexpected error while answering a request');
    };
  return { debug: level('debug'), info: level('info'), warn: level('warn'), error: level('error') };
}

export function createApp({ store, logger, webRoot }: AppOptions) {
  const log = logger.child({ component: 'http' });
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: createSchema(),
    // A fresh context per request: its DataLoaders batch and cache for that request only.
    context: () => createContext(store),
    graphqlEndpoint: GRAPHQL,
    healthCheckEndpoint: HEALTH,
    landingPage: false,
    logging: yogaLogger(log),
    maskedErrors: { maskError: createMaskError() },
    plugins: [
      useStoreReadiness(store, log),
      ...(webRoot === undefined ? [] : [useStaticWeb({ root: webRoot, reserved: [GRAPHQL, HEALTH, READY] })]),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
