/**
 * Rate limits, in memory (rate-limiter-flexible), per caller: each token or sign-in (the caller's id
 * that the auth plugin set) has its own bucket, so one busy script or one hostile client cannot starve
 * the others. A caller may spend `perSecond` points each second and, beyond that, `burst` more points
 * in each 10-second window (rate-limiter-flexible's BurstyRateLimiter). Requests cost points by what
 * they hold (rate-limit-cost.ts): 1 at the door, the rest of a heavy operation's cost once its
 * document is known.
 * Requests without a caller are refused by the auth plugin with 401 before this plugin sees them; those
 * refusals are counted per client address instead (a stricter bucket: `unauthenticatedPerMinute`), and
 * past it the 401 becomes a 429, so a flood of bad tokens is throttled too. Public requests (probes,
 * the web app's files) are not counted.
 * Over a limit: 429 with Retry-After and a GraphQL-shaped body whose error names the bound
 * (`extensions`: code LIMIT_EXCEEDED, bound `rate`, limit, max, retryAfterSeconds). Never silent. The
 * refusal is held up to the wait it announces first (`hold`, refusal-hold.ts), so a client that resends at
 * once cannot make refusing it the server's main work.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { socketAddress, type AddressOf } from './client-address.js';
import { IMPORT_COST, operationCost } from './rate-limit-cost.js';
import { NO_HOLD, type RefusalHold } from './refusal-hold.js';

export interface RateLimitOptions {
  /** Points a caller may spend each second. */
  readonly perSecond: number;
  /** Extra points a caller may spend in each BURST_WINDOW_SECONDS window beyond `perSecond`. */
  readonly burst: number;
  /** Requests refused with 401 that one client address may cause per minute before they are answered 429. */
  readonly unauthenticatedPerMinute?: number;
  /** The caller's stable id, or undefined (app.ts: `(request) => callerOf(request)?.id`). */
  readonly callerKey: (request: Request) => string | undefined;
  /** Holds each refusal before it is sent (default: none). */
  readonly hold?: RefusalHold;
  /** The client's address for the 401 bucket (client-address.ts; default: the socket's). */
  readonly addressOf?: AddressOf;
}

export const BURST_WINDOW_SECONDS = 10;
export const DEFAULT_UNAUTHENTICATED_PER_MINUTE = 30;

const IMPORT_PATH = '/import';

type Bound = 'rateLimit' | 'unauthenticatedRateLimit';

interface Refusal {
  /** How long the caller must wait, in ms (not sent: the hold reads it). */
  readonly waitMs: number;
  readonly message: string;
  readonly extensions: {
    readonly code: 'LIMIT_EXCEEDED';
    readonly bound: 'rate';
    readonly limit: Bound;
    readonly max: number;
    readonly retryAfterSeconds: number;
  };
}

/** Whole seconds, at least 1: Retry-After takes no fractions, and 0 would invite an immediate retry. */
const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

type Limits = Required<Omit<RateLimitOptions, 'callerKey' | 'hold' | 'addressOf'>>;

function refusal(limit: Bound, options: Limits, retryAfterMs: number) {
  const retryAfterSeconds = secondsOf(retryAfterMs);
  const message =
    limit === 'rateLimit'
      ? `too many requests for this caller: the rate limit (rateLimit) is ${options.perSecond} points a second ` +
        `with a burst of ${options.burst} more in ${BURST_WINDOW_SECONDS} s; try again in ${retryAfterSeconds} s`
      : `too many requests without a valid token from this address: the limit (unauthenticatedRateLimit) is ` +
        `${options.unauthenticatedPerMinute} a minute; try again in ${retryAfterSeconds} s`;
  const max = limit === 'rateLimit' ? options.perSecond : options.unauthenticatedPerMinute;
  const body: Refusal = {
    waitMs: retryAfterMs,
    message,
    extensions: { code: 'LIMIT_EXCEEDED', bound: 'rate', limit, max, retryAfterSeconds },
  };
  return body;
}

const retryAfterHeader = (r: Refusal) => ({ 'retry-after': String(r.extensions.retryAfterSeconds) });

/** The same body yoga would write for the error, for answers made before yoga parses anything. */
const refusalResponse = (r: Refusal) =>
  new Response(JSON.stringify({ errors: [{ message: r.message, extensions: r.extensions }] }), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', ...retryAfterHeader(r) },
  });

export function useRateLimit(given: RateLimitOptions): Plugin {
  const options = { unauthenticatedPerMinute: DEFAULT_UNAUTHENTICATED_PER_MINUTE, ...given };
  const { callerKey, hold = NO_HOLD, addressOf = socketAddress, ...limits } = options;
  const callers = new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: 'caller', points: options.perSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: 'caller-burst', points: options.burst, duration: BURST_WINDOW_SECONDS }),
  );
  const addresses = new RateLimiterMemory({
    keyPrefix: 'unauthenticated',
    points: options.unauthenticatedPerMinute,
    duration: 60,
  });

  /** Undefined when allowed; the refusal otherwise. */
  async function spend(key: string, points: number): Promise<Refusal | undefined> {
    try {
      await callers.consume(key, points);
      return undefined;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return refusal('rateLimit', limits, error.msBeforeNext);
    }
  }

  return {
    async onRequest({ request, url, endResponse }) {
      const key = callerKey(request);
      if (key === undefined) return;
      const isImport = request.method === 'POST' && url.pathname === IMPORT_PATH;
      const refused = await spend(key, isImport ? IMPORT_COST : 1);
      if (!refused) return;
      await hold(refused.waitMs);
      endResponse(refusalResponse(refused));
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const key = request && callerKey(request);
      if (key === undefined) return;
      // One point was spent at the door.
      const extra = operationCost(args.document, args.operationName, args.variableValues) - 1;
      if (extra <= 0) return;
      const refused = await spend(key, extra);
      if (!refused) return;
      await hold(refused.waitMs);
      setResultAndStopExecution({
        errors: [
          createGraphQLError(refused.message, {
            extensions: { ...refused.extensions, http: { status: 429, headers: retryAfterHeader(refused) } },
          }),
        ],
      });
    },
    async onResponse({ request, response, serverContext, setResponse }) {
      if (response.status !== 401 || callerKey(request) !== undefined) return;
      try {
        await addresses.consume(addressOf(serverContext));
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const refused = refusal('unauthenticatedRateLimit', limits, error.msBeforeNext);
        await hold(refused.waitMs);
        setResponse(refusalResponse(refused));
      }
    },
  };
}
