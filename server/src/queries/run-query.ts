/**
 * The query runner: saved queries by name, and ad-hoc Cypher, both through the store's one raw read
 * (`runRead`, which applies the read-only guard, the row cap and the timeout on either engine). A saved
 * query's parameters are checked against their declared types first; an unknown name lists near matches.
 * The answer is the table (columns, rows) and the subgraph its cells name.
 */
import {
  formatType,
  ParamError,
  resolveParams,
  type Engine,
  type QueryLibrary,
  type SavedQuery,
} from '@ringtrace/cypher/queries/index.js';
import { DomainError, invalidArgument } from '../domain/errors.js';
import type { Truncation } from '../domain/graph.js';
import { model } from '../domain/model/index.js';
import type { BoundedSubgraph } from '../domain/services/read-graph.js';
import type { CellValue, GraphStore, ReadOptions } from '../store/port.js';
import { resultSubgraph } from './result-subgraph.js';

export const DEFAULT_ROW_CAP = 1_000;
export const MAX_ROW_CAP = 10_000;

export interface RunOptions {
  /** 1 to MAX_ROW_CAP; default DEFAULT_ROW_CAP. */
  readonly rowCap?: number | null;
  /** Default and maximum: the store's query timeout. */
  readonly timeoutMs?: number | null;
  /** What is left of the caller's server time for expensive operations: the timeout is cut to it. */
  readonly budgetMs?: number;
  /** Parameter values are command-line text (`3`, `a,b`) to read per their declared type. */
  readonly fromText?: boolean;
}

export interface QueryResult {
  /** The saved query's name; null for ad-hoc Cypher. */
  readonly name: string | null;
  readonly engine: Engine;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** The entities and links the cells name (empty for a saved query that returns a table only). */
  readonly subgraph: BoundedSubgraph;
  /** Bounds the rows hit (`rowCap`); empty when none. */
  readonly truncated: readonly Truncation[];
  readonly elapsedMs: number;
}

export interface SavedQueryInfo extends SavedQuery {
  /** Whether this server's engine runs it. */
  readonly supported: boolean;
  /** The text this server's engine runs (null when it does not run it). */
  readonly cypher: string | null;
}

type Store = Pick<GraphStore, 'info' | 'runRead' | 'getEntities' | 'getLinks'>;

const engineOf = (store: Store): Engine => store.info.engine;

export function listSavedQueries(library: QueryLibrary, engine: Engine): SavedQueryInfo[] {
  return library.queries.map((q) => ({
    ...q,
    supported: q.engines.includes(engine),
    cypher: q.variants[engine]?.text ?? null,
  }));
}

export function findSavedQuery(library: QueryLibrary, name: string): SavedQuery {
  const query = library.find(name);
  if (query) return query;
  const near = library.suggest(name);
  throw new DomainError(
    'NOT_FOUND',
    `no saved query named "${name}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}` +
      ' (`savedQueries` in the API and `ringtrace query --list` list them)',
    { details: { name, suggestions: near } },
  );
}

function readOptions(options: RunOptions): ReadOptions {
  const rowCap = options.rowCap ?? DEFAULT_ROW_CAP;
  if (!Number.isInteger(rowCap) || rowCap < 1 || rowCap > MAX_ROW_CAP) {
    throw invalidArgument('rowCap', `must be a whole number from 1 to ${MAX_ROW_CAP}, got ${JSON.stringify(rowCap)}`);
  }
  return {
    rowCap,
    ...(options.timeoutMs != null && { timeoutMs: options.timeoutMs }),
    ...(options.budgetMs !== undefined && { budgetMs: options.budgetMs }),
  };
}

async function answer(
  store: Store,
  name: string | null,
  text: string,
  params: Readonly<Record<string, unknown>>,
  options: ReadOptions,
  withSubgraph: boolean,
): Promise<QueryResult> {
  const started = performance.now();
  const read = await store.runRead(text, params, options);
  const subgraph = withSubgraph ? await resultSubgraph(store, read.rows) : { entities: [], links: [], truncated: [] };
  return {
    name,
    engine: engineOf(store),
    columns: read.columns,
    rows: read.rows,
    subgraph,
    truncated: read.truncated ? [read.truncated] : [],
    elapsedMs: Math.round(performance.now() - started),
  };
}

export async function runSavedQuery(
  store: Store,
  library: QueryLibrary,
  name: string,
  params: Readonly<Record<string, unknown>> | null | undefined,
  options: RunOptions = {},
): Promise<QueryResult> {
  const query = findSavedQuery(library, name);
  const engine = engineOf(store);
  const variant = query.variants[engine];
  if (!variant) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `${query.name} runs on ${query.engines.join(', ')} only; this server uses the ${engine} engine`,
      { details: { name: query.name, engines: query.engines } },
    );
  }
  if (params != null && (typeof params !== 'object' || Array.isArray(params))) {
    throw invalidArgument('params', 'must be a map of parameter names to values');
  }
  let values;
  try {
    values = resolveParams(query, params ?? {}, model, { fromText: options.fromText ?? false });
  } catch (error) {
    if (error instanceof ParamError) {
      throw new DomainError('INVALID_ARGUMENT', error.message, { details: { argument: `params.${error.param}` } });
    }
    throw error;
  }
  const read = readOptions(options);
  return answer(
    store,
    query.name,
    variant.text,
    values,
    query.projection ? { ...read, projection: query.projection } : read,
    query.returns !== 'table',
  );
}

export async function runCypher(
  store: Store,
  text: string,
  params: Readonly<Record<string, unknown>> | null | undefined,
  options: RunOptions = {},
): Promise<QueryResult> {
  if (params != null && (typeof params !== 'object' || Array.isArray(params))) {
    throw invalidArgument('params', 'must be a map of parameter names to values');
  }
  return answer(store, null, text, params ?? {}, readOptions(options), true);
}

/** `name: type = default` of each parameter, for listings. */
export const paramSignature = (q: SavedQuery) =>
  q.params.map(
    (p) =>
      `${p.name}: ${formatType(p.type)}${p.optional ? '?' : ''}${p.default !== undefined ? ` = ${JSON.stringify(p.default)}` : ''}`,
  );
