/**
 * The app's audit plugin: one entry per API request (every GraphQL operation, every import endpoint
 * call) and per refused request anywhere (401, 403, 413, 429), with who (callerOf: set by the auth
 * plugin), what (operation name and type, variables: scrubbed by the trail), the outcome (status, error
 * code, HTTP status), the answer's size and the time taken. Public requests that succeed (probes, the
 * web app's files) are not recorded.
 *
 * Where it sits: the time is taken in `instrumentation.request`, which wraps the whole request whatever
 * the plugin order, so a 401 answered by the auth plugin is timed too; the entry is made in onResponse,
 * and onResponse hooks run in plugin order, so the plugin goes last in app.ts to see the final answer
 * (a 401 that the rate limit turned into a 429). Recording only queues (audit-trail.ts): no request waits
 * on the disk. The plugin also hands the trail to resolvers (`auditTrail`, `auditVerification`).
 */
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { callerOf } from '../auth/request-caller.js';
import { whoOf, type AuditTrail } from './audit-trail.js';
import { countedBody } from './counted-body.js';
import type { AuditAction, AuditSize } from './entry.js';
import { firstErrorCode, itemsOf, outcomeOf } from './request-outcome.js';

export interface AuditPluginOptions {
  readonly graphqlPath: string;
  /** Other paths (and everything under them) whose every call is recorded: the import endpoint. */
  readonly httpPaths: readonly string[];
  /** The client's address from yoga's server context (app.ts: http/client-address.ts); absent: not recorded. */
  readonly addressOf?: (serverContext: unknown) => string;
}

/** Refusals recorded wherever they happen, public paths included. */
const REFUSALS = new Set([401, 403, 413, 429]);

interface RequestState {
  start: number;
  operationName?: string | undefined;
  variables?: unknown;
  type?: string | undefined;
  /** The operation's own name, or `anonymous <type>`, once the document parsed. */
  name?: string | undefined;
  /** The body was read (a 401 is answered before). */
  params?: boolean;
  code?: string | undefined;
  items?: number | undefined;
}

/** What the plugin adds to the GraphQL context, for the audit resolvers (graphql/resolvers/audit.ts). */
export interface AuditContext {
  readonly audit?: AuditTrail | undefined;
}

export function useAuditTrail(trail: AuditTrail, options: AuditPluginOptions): Plugin<AuditContext> {
  const states = new WeakMap<Request, RequestState>();
  const stateOf = (request: Request): RequestState => {
    let state = states.get(request);
    if (!state) states.set(request, (state = { start: performance.now() }));
    return state;
  };
  const isHttpPath = (path: string) => options.httpPaths.some((p) => path === p || path.startsWith(`${p}/`));

  return {
    instrumentation: {
      request({ request }, wrapped) {
        states.set(request, { start: performance.now() });
        return wrapped();
      },
    },
    onContextBuilding({ extendContext }) {
      extendContext({ audit: trail });
    },
    onParams({ params, request }) {
      const state = stateOf(request);
      state.params = true;
      state.operationName = params.operationName ?? undefined;
      state.variables = params.variables ?? undefined;
    },
    onParse({ context }) {
      const request = (context as { request?: Request }).request;
      return ({ result }) => {
        if (!request || !(result && typeof result === 'object' && 'kind' in result)) return;
        const state = stateOf(request);
        const operation = getOperationAST(result as DocumentNode, state.operationName);
        state.type = operation?.operation;
        // No operation: several and no (or an unknown) operationName; graphql refuses it.
        state.name = operation
          ? (operation.name?.value ?? `anonymous ${operation.operation}`)
          : (state.operationName ?? 'unknown operation');
      };
    },
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
      const state = stateOf(request);
      state.code = firstErrorCode(result);
      state.items = itemsOf((result as { data?: unknown }).data);
    },
    onResponse({ request, response, serverContext, setResponse }) {
      const url = new URL(request.url, 'http://localhost');
      const path = url.pathname;
      const isGraphql = path === options.graphqlPath;
      const isHttp = !isGraphql && isHttpPath(path);
      if (!isGraphql && !isHttp && !REFUSALS.has(response.status)) return;
      const state = states.get(request) ?? { start: performance.now() };
      const who = whoOf(callerOf(request));
      const httpLabel = `${request.method} ${path}`;
      const record = (size: AuditSize, code: string | undefined, action: AuditAction) =>
        trail.record({
          who,
          ...(options.addressOf && { from: options.addressOf(serverContext) }),
          action,
          outcome: outcomeOf(response.status, code),
          size,
          durationMs: Math.round((performance.now() - state.start) * 100) / 100,
        });

      if (isGraphql) {
        const length = Number(response.headers.get('content-length') ?? Number.NaN);
        const name = state.name ?? (state.params ? (state.operationName ?? 'unparsed document') : httpLabel);
        return record(
          {
            ...(Number.isFinite(length) && { bytes: length }),
            ...(state.items !== undefined && { items: state.items }),
          },
          state.code,
          {
            kind: 'graphql',
            name,
            ...(state.type !== undefined && { type: state.type }),
            ...(state.variables !== undefined && { variables: state.variables }),
          },
        );
      }
      // The import endpoint and refusals elsewhere: the query string is what says what was asked.
      const query = url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined;
      const action: AuditAction = { kind: 'http', name: httpLabel, ...(query && { variables: query }) };
      if (!response.body) return record({ bytes: 0 }, undefined, action);
      // Streamed (NDJSON): recorded when the last byte is sent, with the outcome its last line gives.
      setResponse(
        new Response(
          countedBody(response.body, ({ bytes, lastLine, aborted }) => {
            const ending = lastEvent(lastLine);
            record(
              { bytes, ...(ending.items !== undefined && { items: ending.items }) },
              aborted ? 'ABORTED' : ending.code,
              action,
            );
          }),
          { status: response.status, statusText: response.statusText, headers: response.headers },
        ),
      );
    },
  };
}

/** The import endpoint's last NDJSON line: `{"type":"error","code":…}` or `{"type":"summary","summary":{rows…}}`; JSON answers carry `{error:{code}}`. */
function lastEvent(line: string): { code?: string; items?: number } {
  try {
    const event = JSON.parse(line) as {
      type?: string;
      code?: string;
      error?: { code?: string };
      summary?: { rows?: number };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const code = event.code ?? event.error?.code ?? event.errors?.[0]?.extensions?.code;
    if (event.type === 'error' || code !== undefined) return { code: code ?? 'INTERNAL' };
    return typeof event.summary?.rows === 'number' ? { items: event.summary.rows } : {};
  } catch {
    return {};
  }
}
