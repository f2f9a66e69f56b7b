/**
 * The graph's facts as plain data, shared by the domain, the store port, the API and the importer.
 * Ids are our stable string ids, datetimes ISO 8601 UTC strings, decimals exact strings,
 * integers beyond 2^53 decimal strings. Engine types never appear here.
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
  /** Links left out by an expansion's link bound (`bound: 'linkLimit'`); absent or null when none were. */
  readonly truncatedLinks?: Truncation | null;
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
