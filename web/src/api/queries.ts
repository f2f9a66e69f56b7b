/**
 * Saved and ad-hoc Cypher queries (server/src/graphql/schema/queries.graphql): the library with each
 * query's declared parameters, and runs answered as a table (columns, rows) plus the subgraph its cells
 * name, in the scene's shapes. The bounds a run hit come back with it: rows past the row cap in
 * `truncated` (bound `rowCap`), entities and links past the subgraph's caps in `subgraph.truncated`; a run
 * past its timeout is an `ApiError` with code TIMEOUT (`isTimeout`), which the caller must show.
 */
import { ApiError, graphql } from './graphql.js';
import { SUBGRAPH_FIELDS, toSubgraph, type Subgraph, type WireSubgraph } from './wire.js';
import type { Truncation } from '../scene/types.js';

export type ParamTypeName = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'id' | 'list';

/** A declared parameter of a saved query: enough to generate a form field and check a value. */
export interface QueryParamInfo {
  readonly name: string;
  readonly type: ParamTypeName;
  /** As written in the file: `id<Victim>`, `list<string>`. */
  readonly typeText: string;
  /** For `list`: the items' type. */
  readonly itemType: Exclude<ParamTypeName, 'list'> | null;
  /** For `id` (or a list of ids): the kinds allowed; empty means any kind. */
  readonly kinds: readonly string[];
  /** No default and not optional: the run needs a value. */
  readonly required: boolean;
  /** Null when not given, instead of a default. */
  readonly optional: boolean;
  readonly default: unknown;
  readonly min: number | null;
  readonly max: number | null;
  readonly description: string;
}

export interface SavedQueryInfo {
  /** Kebab-case, the file name in cypher/queries. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** `neo4j`, `embedded`: the engines it has a variant for. */
  readonly engines: readonly string[];
  /** Whether this server's engine runs it. */
  readonly supported: boolean;
  /** What the answer is meant to be shown as; a `table` query brings no subgraph. */
  readonly returns: 'graph' | 'table' | 'both';
  readonly params: readonly QueryParamInfo[];
  /** The Cypher this server's engine runs; null when it does not run this query. */
  readonly cypher: string | null;
}

/** A cell as the server sends it: nodes as entity ids, relationships as link ids, paths as `{ entityIds, linkIds }`. */
export type JsonCell = string | number | boolean | null | readonly JsonCell[] | { readonly [key: string]: JsonCell };

export interface QueryAnswer {
  /** The saved query's name; null for ad-hoc Cypher. */
  readonly name: string | null;
  /** `embedded` or `neo4j`: the dialect the server ran. */
  readonly engine: string;
  readonly columns: readonly string[];
  /** One list per row, in column order. */
  readonly rows: readonly (readonly JsonCell[])[];
  /** What the cells name, ready for `addSubgraph`; its own caps are in `subgraph.truncated`. */
  readonly subgraph: Subgraph;
  /** Rows the row cap left out (bound `rowCap`); empty when none were. */
  readonly truncated: readonly Truncation[];
  readonly elapsedMs: number;
}

export interface RunBounds {
  /** 1 to 10000 (server default 1000). */
  readonly rowCap?: number;
  /** At most, and by default, the server's query timeout. */
  readonly timeoutMs?: number;
}

export interface RunSavedQueryArgs extends RunBounds {
  readonly name: string;
  /** Checked by the server against the declared types; absent ones take their default. */
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface RunCypherArgs extends RunBounds {
  readonly query: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

const SAVED_QUERIES = /* GraphQL */ `
  query SavedQueries {
    savedQueries {
      name
      title
      description
      engines
      supported
      returns
      cypher
      params {
        name
        type
        typeText
        itemType
        kinds
        required
        optional
        default
        min
        max
        description
      }
    }
  }
`;

const RESULT_FIELDS = /* GraphQL */ `
  fragment QueryResultFields on QueryResult {
    name
    engine
    columns
    rows
    truncated {
      bound
      value
      omitted
    }
    elapsedMs
    subgraph {
      ...SubgraphFields
    }
  }
  ${SUBGRAPH_FIELDS}
`;

const RUN_SAVED_QUERY = /* GraphQL */ `
  query RunSavedQuery($name: String!, $params: JSON, $rowCap: Int, $timeoutMs: Int) {
    runSavedQuery(name: $name, params: $params, rowCap: $rowCap, timeoutMs: $timeoutMs) {
      ...QueryResultFields
    }
  }
  ${RESULT_FIELDS}
`;

const RUN_CYPHER = /* GraphQL */ `
  query RunCypher($query: String!, $params: JSON, $rowCap: Int, $timeoutMs: Int) {
    runCypher(query: $query, params: $params, rowCap: $rowCap, timeoutMs: $timeoutMs) {
      ...QueryResultFields
    }
  }
  ${RESULT_FIELDS}
`;

interface WireResult extends Omit<QueryAnswer, 'subgraph'> {
  readonly subgraph: WireSubgraph;
}

const toAnswer = (r: WireResult): QueryAnswer => ({ ...r, subgraph: toSubgraph(r.subgraph) });

const boundsOf = (args: RunBounds) => ({
  ...(args.rowCap !== undefined && { rowCap: args.rowCap }),
  ...(args.timeoutMs !== undefined && { timeoutMs: args.timeoutMs }),
});

export async function fetchSavedQueries(signal?: AbortSignal): Promise<SavedQueryInfo[]> {
  return (await graphql<{ savedQueries: SavedQueryInfo[] }>(SAVED_QUERIES, {}, signal)).savedQueries;
}

export async function runSavedQuery(args: RunSavedQueryArgs, signal?: AbortSignal): Promise<QueryAnswer> {
  const variables = { name: args.name, params: args.params ?? {}, ...boundsOf(args) };
  return toAnswer((await graphql<{ runSavedQuery: WireResult }>(RUN_SAVED_QUERY, variables, signal)).runSavedQuery);
}

export async function runCypher(args: RunCypherArgs, signal?: AbortSignal): Promise<QueryAnswer> {
  const variables = { query: args.query, params: args.params ?? {}, ...boundsOf(args) };
  return toAnswer((await graphql<{ runCypher: WireResult }>(RUN_CYPHER, variables, signal)).runCypher);
}

/** The run went past its timeout and was stopped: a bound hit, not a broken query. */
export const isTimeout = (error: unknown): boolean => error instanceof ApiError && error.code === 'TIMEOUT';
