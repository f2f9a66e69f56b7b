/**
 * The GraphStore port: the only way the rest of the server reaches a graph database.
 * Adapters (embedded Kuzu, Neo4j) implement it; nothing outside an adapter imports an engine.
 * Values crossing the port are plain JSON-safe data: ids are our stable string ids, datetimes are
 * ISO 8601 UTC strings, decimals are exact strings, integers beyond 2^53 are decimal strings.
 */

import type { Entity, Link, PathResult, Subgraph, Truncation, WriteBatch } from '../domain/graph.js';

export type {
  Entity,
  EntityWrite,
  Link,
  LinkWrite,
  Path,
  PathResult,
  Properties,
  PropertyValue,
  SourceRef,
  Subgraph,
  Truncation,
  WriteBatch,
} from '../domain/graph.js';

export interface WriteCounts {
  readonly created: number;
  /** Existing facts that gained a property value or a new source. */
  readonly updated: number;
  /** Facts already stored exactly so (re-loading a file changes nothing). */
  readonly unchanged: number;
}

export interface WriteOptions {
  /**
   * Existing entities keep their stored caption and search text; only new ones take the batch's. Bulk loads
   * set it: on the embedded engine, rewriting indexed text breaks later inserts and costs an index rebuild
   * (store/kuzu/fts-repair.ts). The new property values are stored either way; search then finds a
   * re-asserted entity by what first described it.
   */
  readonly keepText?: boolean;
  /**
   * A large batch of a bulk load (the importer's `--fast`). The embedded engine then stages the new rows in
   * files and COPYs them whatever its tables already hold; Neo4j writes as usual. A kill midway, COPYs
   * included, is recovered by Kùzu (kill-resume.test.ts kills a fast import ten times).
   */
  readonly bulk?: boolean;
  /**
   * One citation per file: a stored fact that already cites a record of a file (its SHA-256) is not cited
   * again for another record of that file asserting the same values. The importer sets it, so what a file
   * loads does not depend on what its FactMemory still remembers, on batch sizes, or on a resumed run:
   * each fact cites the first record of the file that asserted it (and each record that changed it).
   */
  readonly oneCitationPerFile?: boolean;
}

export const zeroCounts = (): WriteCounts => ({ created: 0, updated: 0, unchanged: 0 });

export const addCounts = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

export interface WriteResult {
  readonly entities: WriteCounts;
  readonly links: WriteCounts;
}

/** What a detaching removal took away. */
export interface RemoveResult {
  /** Entities removed. */
  readonly entities: number;
  /** Links removed with them, each once (a link between two removed entities counts one). */
  readonly links: number;
}

/** What retracting sources changed: facts that kept other sources (updated) and facts left citing nothing (removed). */
export interface RetractResult {
  readonly entities: { readonly updated: number; readonly removed: number };
  readonly links: { readonly updated: number; readonly removed: number };
}

export interface ExpandOptions {
  readonly seeds: readonly string[];
  /** 1 to 3. */
  readonly depth: number;
  /** Only reach entities of these kinds (seeds always kept). Empty or absent: all investigation kinds. */
  readonly kinds?: readonly string[];
  /** Only follow these relationship types. Empty or absent: all. */
  readonly linkTypes?: readonly string[];
  /** Most entities to return besides the seeds; the nearest are kept. */
  readonly limit: number;
  /**
   * Most links to return (parallel event links, e.g. many CALLED between one number and one victim, count
   * one each). Links are kept so that every linked pair keeps one link before any pair gets a second.
   * Default DEFAULT_EXPAND_LINK_LIMIT.
   */
  readonly linkLimit?: number;
}

export const DEFAULT_EXPAND_LINK_LIMIT = 10_000;
export const MAX_EXPAND_LINK_LIMIT = 100_000;

export interface PathOptions {
  readonly from: string;
  readonly to: string;
  /** 1 to 10. */
  readonly maxHops: number;
  readonly linkTypes?: readonly string[];
  /** Most shortest paths to return. */
  readonly limit: number;
}

export interface SearchOptions {
  readonly text: string;
  readonly kinds?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHit {
  readonly entity: Entity;
  readonly score: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Total hits across all pages. */
  readonly total: number;
}

export interface StoreInfo {
  readonly engine: 'embedded' | 'neo4j';
  /** Human description: database path or server address (never credentials). */
  readonly location: string;
  readonly version: string;
}

/** A cell of a raw read: plain JSON data. A node comes back as its entity id, a relationship as its link id. */
export type CellValue = string | number | boolean | null | readonly CellValue[] | { readonly [key: string]: CellValue };

export interface ReadOptions {
  /** Most rows returned (1 to MAX_READ_ROW_CAP); the rest are counted in `truncated` (bound `rowCap`). */
  readonly rowCap: number;
  /** Answer TIMEOUT after this long; at most (and by default) the store's query timeout. */
  readonly timeoutMs?: number;
  /**
   * What is left of the caller's server time for expensive operations (http/heavy-time-budget.ts): the
   * timeout is cut to it when shorter, and a TIMEOUT then names that bound (`heavyTimeBudget`).
   */
  readonly budgetMs?: number;
  /**
   * Embedded only: the node and rel tables Kuzu's algo extension works on, projected as
   * `ringtrace_projection` for this query (algorithm calls in the query name it) and dropped after.
   */
  readonly projection?: { readonly nodes: readonly string[]; readonly rels: readonly string[] };
}

export const MAX_READ_ROW_CAP = 100_000;

export interface ReadResult {
  readonly columns: readonly string[];
  /** One array per row, in column order. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Rows left out by `rowCap`; null when none were. */
  readonly truncated: Truncation | null;
}

/**
 * A bulk load of many batches (the importer's `--fast`): `write` as GraphStore.write, except that an
 * engine may hold new links back until `finish` (the embedded one does: one COPY per table at the end;
 * see store/kuzu/staged-links.ts). Counts are reported when a fact is written or held back. `discard`
 * drops what is held back (an interrupted load; running it again puts it in).
 */
export interface BulkLoad {
  write(batch: WriteBatch, options?: WriteOptions): Promise<WriteResult>;
  /** Writes what was held back; returns the counts of facts asserted again after they were held back. */
  finish(): Promise<WriteResult>;
  discard(): Promise<void>;
}

export interface GraphStore {
  readonly info: StoreInfo;
  /** Creates the schema (tables or constraints, indexes) if missing. Idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Idempotent upsert; a fact seen in several sources keeps every source. */
  write(batch: WriteBatch, options?: WriteOptions): Promise<WriteResult>;
  /** A bulk load session; without it, a bulk load is a series of writes. */
  bulkLoad?(): BulkLoad;
  /**
   * Removes these entities and every link they have (detach), in one transaction: all of it or none. Ids
   * that do not exist are skipped, so a removal repeated removes nothing more; a non-string id is refused
   * (INVALID_ARGUMENT) before anything is removed. Evidence policy (who may remove what) is the domain's.
   */
  removeEntities(ids: readonly string[]): Promise<RemoveResult>;
  /** Removes these links (`link:<TYPE>:...`) in one transaction; returns how many existed. Same rules. */
  removeLinks(ids: readonly string[]): Promise<number>;
  /**
   * Takes every source citing these files (`<sha256>#<locator>`) off every entity and link (undoing an
   * import). A link left citing nothing is removed; an entity left citing nothing is removed unless a link
   * still touches it (it stays, with what sources it has left). Facts other sources assert stay. Property
   * values are not restored: the store keeps no history of them. Idempotent; a malformed hash is refused
   * (INVALID_ARGUMENT) before anything changes.
   */
  retractSources(sha256s: readonly string[]): Promise<RetractResult>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  getLinks(ids: readonly string[]): Promise<Link[]>;
  search(options: SearchOptions): Promise<SearchResult>;
  expand(options: ExpandOptions): Promise<Subgraph>;
  shortestPaths(options: PathOptions): Promise<PathResult>;
  countByKind(): Promise<Record<string, number>>;
  countByLinkType(): Promise<Record<string, number>>;
  /**
   * One read-only query in the store's dialect (saved queries and ad-hoc Cypher): refused unless the
   * read-only guard (`@ringtrace/cypher/queries`) passes it and the parameters are exactly those it uses,
   * each a scalar or a list of one scalar type. Bounded by `rowCap` and the timeout, reported when hit.
   * Paths come back as `{ entityIds, linkIds }`; engine-internal ids never do.
   */
  runRead(cypher: string, params: Readonly<Record<string, unknown>>, options: ReadOptions): Promise<ReadResult>;
}
