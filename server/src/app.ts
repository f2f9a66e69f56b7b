/**
 * Builds the HTTP app; listens nowhere (main.ts does). The result is a graphql-yoga instance: a Node
 * request listener for `http.createServer`, and `app.fetch(request)` for tests, in-process.
 *   /graphql  the API          /health  the process is up        /ready  the store answers
 *   /         the built web app (when `webRoot` is given)
 * Every request to /graphql passes the limits first (server/README.md, "Limits and errors"): CSRF
 * prevention and the body cap before the body is read, the document limits while it is parsed and
 * validated (before any resolver), the operation timeout around execution. Every response carries the
 * security headers, cross-origin access is refused unless configured, callers are rate-limited, and
 * `only` runs nothing but persisted operations (server/README.md, "Hardening").
 */

import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { AuditTrail } from './audit/audit-trail.js';
import { useAuditTrail } from './audit/use-audit-trail.js';
import { callerOf, type Authenticator } from './auth/index.js';
import { isDomainError } from './domain/errors.js';
import { useAuth } from './graphql/access/use-auth.js';
import { useRootFieldRights } from './graphql/access/use-root-field-rights.js';
import { createContext, type GraphQLContext } from './graphql/context.js';
import { useDocumentLimits } from './graphql/limits/use-document-limits.js';
import { useOperationTimeout } from './graphql/limits/use-operation-timeout.js';
import { useTokenLimit } from './graphql/limits/use-token-limit.js';
import { DEFAULT_API_LIMITS, type ApiLimits } from './graphql/limits/values.js';
import { createMaskError } from './graphql/mask-error.js';
import { createSchema } from './graphql/schema.js';
import { useStrictCors } from './http/cors.js';
import { useConcurrencyLimit, type ConcurrencyLimitOptions } from './http/concurrency-limit.js';
import { useImportEndpoint } from './http/import-endpoint.js';
import { usePersistedOperationsMode, type PersistedOperationsMode } from './http/persisted-operations.js';
import { useRateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { clientAddress } from './http/client-address.js';
import { createHeavyTimeBudget, type HeavyTimeBudgetOptions } from './http/heavy-time-budget.js';
import { createRefusalHold, NO_HOLD, type RefusalHoldOptions } from './http/refusal-hold.js';
import { useSecurityHeaders } from './http/security-headers.js';
import { useStaticWeb } from './http/use-static-web.js';
import { useStoreReadiness } from './http/use-store-readiness.js';
import type { GraphStore } from './store/port.js';

export interface AppOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  /** Who a token stands for (API tokens, single sign-on): every request but the public ones needs one. */
  readonly authenticator: Authenticator;
  /** Where every API request and refusal is recorded (serve.ts opens it); absent: nothing is (tests). */
  readonly audit?: AuditTrail | undefined;
  /** Directory of the built web app (web/dist); absent: only the API and the probes. */
  readonly webRoot?: string | undefined;
  /** Defaults: DEFAULT_API_LIMITS (serve.ts passes the configured body cap and operation timeout). */
  readonly limits?: Partial<ApiLimits> | undefined;
  /** Per caller (http/rate-limit.ts); absent: no rate limit (tests). serve.ts passes the configured one. */
  readonly rateLimit?: Omit<RateLimitOptions, 'callerKey' | 'hold' | 'addressOf'> | undefined;
  /** Expensive operations in flight per caller and in all (http/concurrency-limit.ts); absent: none (tests). */
  readonly concurrency?: Omit<ConcurrencyLimitOptions, 'callerKey' | 'time' | 'hold'> | undefined;
  /** Each caller's server time for expensive operations (http/heavy-time-budget.ts; needs `concurrency`); absent: unbounded. */
  readonly heavyTime?: HeavyTimeBudgetOptions | undefined;
  /** How refusals of the rate and concurrency limits are held (http/refusal-hold.ts); absent: sent at once. */
  readonly refusalHold?: RefusalHoldOptions | undefined;
  /** Reverse proxies whose X-Forwarded-For is believed (http/client-address.ts); default none. */
  readonly trustProxy?: readonly string[] | undefined;
  /** Origins whose pages may call the API (http/cors.ts); default none: same origin only. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** Served over HTTPS by a proxy: Strict-Transport-Security on every response. Default false. */
  readonly behindTls?: boolean | undefined;
  /** Which documents run (http/persisted-operations.ts); default `allow`. */
  readonly persistedOperations?: PersistedOperationsMode | undefined;
}

const GRAPHQL = '/graphql';
const HEALTH = '/health';
const READY = '/ready';
/** The import endpoint's paths (http/import-protocol.ts) and anything else under /import. */
const IMPORT = '/import';
/** What a GET or a form POST must carry (yoga's default name); browsers cannot add it cross-site without CORS. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** The resolver's own error inside the GraphQLError yoga logs, if any. */
const originalOf = (error: Error) => (error as { originalError?: unknown }).originalError ?? error;

/** Yoga's own refusal of a bad request (body too large, no CSRF header...): an HTTP status below 500. */
const isRefusal = (error: unknown) => {
  const status = (error as { extensions?: { http?: { status?: unknown } } }).extensions?.http?.status;
  return typeof status === 'number' && status < 500;
};

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
      if (name === 'error' && isRefusal(error)) return logger.debug({ reason: error.message }, 'request refused');
      logger[name]({ err: original }, message || 'unexpected error while answering a request');
    };
  return { debug: level('debug'), info: level('info'), warn: level('warn'), error: level('error') };
}

export function createApp(options: AppOptions) {
  const { store, logger, authenticator, audit, webRoot, limits: given, rateLimit, concurrency } = options;
  const hold = options.refusalHold ? createRefusalHold(options.refusalHold) : NO_HOLD;
  const time = options.heavyTime ? createHeavyTimeBudget(options.heavyTime) : undefined;
  const callerKey = (request: Request) => callerOf(request)?.id;
  // Behind trusted proxies, the client in X-Forwarded-For: for the 401 limit and the audit trail alike.
  const addressOf = clientAddress(options.trustProxy ?? []);
  const log = logger.child({ component: 'http' });
  const limits: ApiLimits = { ...DEFAULT_API_LIMITS, ...given };
  const cors = useStrictCors({ origins: options.corsOrigins ?? [], csrfHeader: CSRF_HEADER });
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: createSchema(),
    // A fresh context per request: its DataLoaders batch and cache for that request only.
    context: ({ request }) => createContext(store, request),
    graphqlEndpoint: GRAPHQL,
    healthCheckEndpoint: HEALTH,
    landingPage: false,
    // Yoga's default CORS reflects any origin with credentials: replaced by http/cors.ts.
    cors: false,
    logging: yogaLogger(log),
    // Yoga checks Content-Length before reading, and counts the bytes of a body sent without one.
    maxRequestBodySize: limits.maxBodyBytes,
    maskedErrors: { maskError: createMaskError({ maxBodyBytes: limits.maxBodyBytes, csrfHeader: CSRF_HEADER }) },
    plugins: [
      // A preflight carries no token by design: answered (or refused) before authentication.
      cors.preflight,
      // First: a request without a valid token is answered 401 before anything reads its body.
      useAuth({ authenticator, logger: log, apiPaths: [GRAPHQL, IMPORT], publicPaths: [HEALTH, READY] }),
      // JSON POSTs (the web app's) are preflighted by browsers, so only GETs and form posts need the header.
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...usePersistedOperationsMode({ mode: options.persistedOperations ?? 'allow' }),
      useTokenLimit(limits.maxTokens),
      ...useDocumentLimits(limits),
      // Each root field's @requires right, before any resolver runs (403 naming the right).
      useRootFieldRights(),
      // After auth (it reads the caller) and the rights (a 403 costs no more than 1 point), before
      // anything that answers a request itself (the import endpoint).
      ...(rateLimit ? [useRateLimit({ ...rateLimit, callerKey, hold, addressOf })] : []),
      // After the rate limit (a refused request takes no slot); inside the timeout, so a timed-out
      // operation gives its slot back when the executor stops.
      ...(concurrency ? [useConcurrencyLimit({ ...concurrency, callerKey, hold, ...(time && { time }) })] : []),
      useOperationTimeout(limits.operationTimeoutMs, log),
      useStoreReadiness(store, log),
      useImportEndpoint({ store, logger }),
      ...(webRoot === undefined ? [] : [useStaticWeb({ root: webRoot, reserved: [GRAPHQL, HEALTH, READY] })]),
      // Last: their onResponse reaches every response, those another plugin replaced (a 401 become 429) too.
      cors.headers,
      useSecurityHeaders({ behindTls: options.behindTls ?? false }),
      // Last, to record the final answer (audit/use-audit-trail.ts times requests from before the first plugin).
      ...(audit ? [useAuditTrail(audit, { graphqlPath: GRAPHQL, httpPaths: [IMPORT], addressOf })] : []),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
