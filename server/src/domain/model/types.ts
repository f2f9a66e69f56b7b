/**
 * The shape of the model. The model itself is data (see kinds.ts, relationships.ts); everything else
 * (engine DDL, Neo4j constraints, GraphQL types, importer validation, canvas styles) is derived from it.
 */

/** Property value types the model knows. `decimal` is an exact decimal string; `datetime` is ISO 8601 UTC. */
export type PropertyType = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'decimal' | 'string[]';

export interface PropertyDef {
  readonly type: PropertyType;
  readonly description: string;
  /** Indexed for full-text search (folded into the entity's search text). */
  readonly searchable?: boolean;
  /** Personal data of a victim or witness; redacted for roles without the right (issue 7). */
  readonly personal?: boolean;
  /** Allowed values, when the property is an enumeration. */
  readonly values?: readonly string[];
}

export interface DisplayHints {
  /** CSS colour for the canvas and the legend. */
  readonly colour: string;
  /** Icon name (Material Symbols) shown on the canvas and in search results. */
  readonly icon: string;
  /** Property whose value is the node's caption. */
  readonly caption: string;
}

export interface KindDef {
  readonly name: string;
  readonly description: string;
  /** Prefix of the stable id: `<idPrefix>:<key>`, e.g. `phone:+74951234567`. */
  readonly idPrefix: string;
  /**
   * How the id's key is formed. `natural`: from the named property after normalisation
   * (phone -> E.164, wallet -> chain + canonical address, country -> ISO alpha-2);
   * `given`: the loader supplies a key (a staff number, a slug), lower-cased.
   */
  readonly key: { readonly from: 'natural'; readonly property: string } | { readonly from: 'given' };
  readonly properties: Readonly<Record<string, PropertyDef>>;
  readonly display: DisplayHints;
  /** System kinds (provenance) are stored but not part of the investigation graph: not expanded, not searched. */
  readonly system?: boolean;
}

export interface RelationshipDef {
  readonly name: string;
  readonly description: string;
  /** Allowed [from kind, to kind] pairs. */
  readonly endpoints: ReadonlyArray<readonly [string, string]>;
  readonly properties: Readonly<Record<string, PropertyDef>>;
  /**
   * `structural`: at most one link of this type between two entities (id from type + endpoints).
   * `event`: a fact with time (a call, a payment, a transfer); many per pair, id from the listed key properties.
   */
  readonly cardinality:
    { readonly kind: 'structural' } | {
        readonly kind: 'event';
        readonly keyProperties: readonly string[];
        /** Key properties a source may lack (a bank transfer has no hash); absent, they key as empty. */
        readonly optionalKeyProperties?: readonly string[];
      };
  /** Rolled up on the canvas: count, sum of amount per asset, first and last time. */
  readonly rollup?: { readonly amount?: string; readonly asset?: string; readonly time?: string };
  readonly display: { readonly colour: string; readonly label: string };
}

export interface Model {
  readonly kinds: readonly KindDef[];
  readonly relationships: readonly RelationshipDef[];
}
