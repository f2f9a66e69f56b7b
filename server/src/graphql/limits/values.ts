/**
 * What one request to `/graphql` may ask, in one place: the document limits (checked by graphql-armor
 * while parsing and validating, before any resolver runs), the body cap and the operation timeout.
 * The last two are configurable (config.ts reads RINGTRACE_MAX_BODY_BYTES, RINGTRACE_OPERATION_TIMEOUT_MS
 * with these defaults); the document limits are fixed here, sized from the queries the web app and the
 * API tests send (server/README.md, "Limits and errors", gives the measurements).
 */

export interface DocumentLimits {
  /**
   * Fields nested in one operation, fragments flattened, introspection counted. The data schema has
   * no cycles (its deepest selection is 6 fields), so this bounds introspection: the standard
   * introspection query (GraphiQL, codegen) is 15 deep, a hostile `ofType { ofType ...` is refused.
   */
  readonly maxDepth: number;
  /** Aliased fields: each can repeat a root field's store call with new arguments. */
  readonly maxAliases: number;
  /** Lexical tokens, counted while parsing: a huge document stops at the limit, unparsed. */
  readonly maxTokens: number;
  /**
   * graphql-armor's static cost (objects 2, scalars 1, x1.5 per level, x`first` when a literal): the
   * largest real document (`search(first: 100)` with every kind's typed fields) costs about 51,000.
   */
  readonly maxCost: number;
  readonly maxDirectives: number;
}

export interface ApiLimits extends DocumentLimits {
  /** Request body bytes; a larger body is refused with 413 before it is parsed. */
  readonly maxBodyBytes: number;
  /** One whole operation, every store call included; the store's own per-statement timeout still applies. */
  readonly operationTimeoutMs: number;
}

export type LimitName = keyof ApiLimits;

export const DOCUMENT_LIMITS: DocumentLimits = {
  maxDepth: 15,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 100_000,
  maxDirectives: 50,
};

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;
export const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;

export const DEFAULT_API_LIMITS: ApiLimits = {
  ...DOCUMENT_LIMITS,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  operationTimeoutMs: DEFAULT_OPERATION_TIMEOUT_MS,
};
