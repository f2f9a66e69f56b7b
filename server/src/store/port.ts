/**
 * The GraphStore port: the only way the rest of the server reaches a graph database.
 * Adapters (embedded Kuzu, Neo4j) implement it; nothing outside an adapter imports an engine.
 * Values crossing the port are plain JSON-safe data: ids are our stable string ids, datetimes are
 * ISO 8601 UTC strings, decimals are exact strings, integers beyond 2^53 are decimal strings.
 */

/** A property value as stored. */
export type PropertyValue = string | number | boolean | null | readonly string[];
export type Properties = Readonly<Record<string, PropertyValue>>;

/** One provenance reference: which file (by SHA-256) and which row or record asserted a fact. */
export interface SourceRef {
  readonly sha256: string;
  /** Row or record locator inside the file, e.g. `line:17`, `record:3`, `para:4`. No spaces or commas. */
  readonly locator: string;
}

export interface Entity {
  readonly id: string;
  readonly kind: string;
  /** The kind's own properties that are set (nulls omitted). */
  readonly properties: Properties;
  readonly sources: readonly SourceRef[];
}

export interface Link {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Properties;
  readonly sources: readonly SourceRef[];
}

export interface EntityWrite {
  readonly id: string;
  readonly kind: string;
  /** Properties to set; a property absent here keeps its stored value. */
  readonly properties: Properties;
  /** Derived by the domain from the model (caption property, searchable properties). */
  readonly caption: string;
  readonly searchText: string;
  readonly source: SourceRef;
}

export interface LinkWrite {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Properties;
  readonly source: SourceRef;
}

/** A write of entities and links in one transaction: all of it lands or none of it does. */
export interface WriteBatch {
  readonly entities: readonly EntityWrite[];
  readonly links: readonly LinkWrite[];
}

export interface WriteCounts {
  readonly created: number;
  /** Existing facts that gained a property value or a new source. */
  readonly updated: number;
  /** Facts already stored exactly so (re-loading a file changes nothing). */
  readonly unchanged: number;
}

export interface WriteResult {
  readonly entities: WriteCounts;
  readonly links: WriteCounts;
}

/** How much a bounded operation left out; `null` when nothing was. */
export interface Truncation {
  /** The bound that was hit, e.g. `limit`. */
  readonly bound: string;
  readonly value: number;
  /** How many entities (or paths) were left out. */
  readonly omitted: number;
}

export interface Subgraph {
  readonly entities: readonly Entity[];
  readonly links: readonly Link[];
  readonly truncated: Truncation | null;
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
}

export interface PathOptions {
  readonly from: string;
  readonly to: string;
  /** 1 to 10. */
  readonly maxHops: number;
  readonly linkTypes?: readonly string[];
  /** Most shortest paths to return. */
  readonly limit: number;
}

export interface Path {
  /** Entity ids from `from` to `to`. */
  readonly entityIds: readonly string[];
  /** Link ids along the path, one fewer than the entities. */
  readonly linkIds: readonly string[];
}

export interface PathResult extends Subgraph {
  readonly paths: readonly Path[];
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

export interface GraphStore {
  readonly info: StoreInfo;
  /** Creates the schema (tables or constraints, indexes) if missing. Idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Idempotent upsert; a fact seen in several sources keeps every source. */
  write(batch: WriteBatch): Promise<WriteResult>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  getLinks(ids: readonly string[]): Promise<Link[]>;
  search(options: SearchOptions): Promise<SearchResult>;
  expand(options: ExpandOptions): Promise<Subgraph>;
  shortestPaths(options: PathOptions): Promise<PathResult>;
  countByKind(): Promise<Record<string, number>>;
  countByLinkType(): Promise<Record<string, number>>;
}
