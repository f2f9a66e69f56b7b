/** A saved query as the loader gives it, validated. */
import type { Dialect } from './guard-rules.js';
import type { ParamType, ParamValue } from './param-types.js';

export type Engine = Dialect;
export const ENGINES: readonly Engine[] = ['neo4j', 'embedded'];
export type Returns = 'graph' | 'table' | 'both';
export const RETURNS: readonly Returns[] = ['graph', 'table', 'both'];

export interface SavedQueryParam {
  readonly name: string;
  readonly type: ParamType;
  /** The type as written (`id<Victim>`, `list<string>`). */
  readonly typeText: string;
  /** Absent: the parameter is required, unless `optional` (then it is null when not given). */
  readonly default?: ParamValue;
  readonly optional: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
  readonly line: number;
}

export interface QueryVariant {
  readonly text: string;
  /** Line of the variant's first line in its file. */
  readonly line: number;
}

/** The node and rel tables an embedded algorithm query runs on (Kuzu's algo extension works on a projection). */
export interface Projection {
  readonly nodes: readonly string[];
  readonly rels: readonly string[];
}

/** The name a projection has while the query runs; algorithm calls in the query refer to it. */
export const PROJECTION_NAME = 'ringtrace_projection';

export interface SavedQuery {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly engines: readonly Engine[];
  readonly returns: Returns;
  readonly params: readonly SavedQueryParam[];
  /** The text per supported engine (the same text for both when the file has one body). */
  readonly variants: Readonly<Partial<Record<Engine, QueryVariant>>>;
  readonly projection?: Projection;
  /** Path of the file, as given to the loader. */
  readonly file: string;
}
