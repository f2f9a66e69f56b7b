import { ident, literal } from '../kuzu/quote.js';
import { KUZU_TYPES } from '../kuzu/kuzu-types.js';
import type { KindShape, ModelShape, PropertyShape, RelationshipShape } from '../model-shape.js';

/**
 * Kuzu's schema, derived from the model: one node table per kind, one rel table per relationship type
 * (with every allowed FROM/TO pair), one full-text index per investigation kind on `searchText`.
 * Kuzu 0.11.3 keeps FTS indexes current on CREATE, SET, DELETE and COPY (see quirks.test.ts), so the
 * indexes are created once and never rebuilt.
 */

/** Columns every node table has before the kind's own properties, in table order. */
export const NODE_SYSTEM_COLUMNS = [
  ['id', 'STRING'],
  ['caption', 'STRING'],
  ['searchText', 'STRING'],
  ['sources', 'STRING[]'],
] as const;

/**
 * Columns every rel table has before the type's own properties, in table order. A link's sources are one
 * STRING of space-separated `<sha256>#<locator>` (neither part holds a space), not a STRING[]: in a rel
 * table a list column of distinct values makes each commit and checkpoint rewrite grow with the rels of
 * the touched node groups (18 s for one checkpoint at 6e4 rels from 800 numbers; quirks.test.ts).
 */
export const REL_SYSTEM_COLUMNS = [
  ['id', 'STRING'],
  ['sources', 'STRING'],
] as const;

export interface KuzuColumn {
  readonly name: string;
  readonly type: string;
}

export interface KuzuTableDef {
  readonly name: string;
  /** `node` or `rel`. */
  readonly kind: 'node' | 'rel';
  /** Every column in table order (COPY relies on it), system columns first. */
  readonly columns: readonly KuzuColumn[];
  /** Allowed FROM/TO pairs of a rel table. */
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  readonly create: string;
}

export interface KuzuFtsIndexDef {
  readonly table: string;
  readonly index: string;
  readonly create: string;
}

export interface KuzuSchema {
  readonly tables: readonly KuzuTableDef[];
  readonly ftsIndexes: readonly KuzuFtsIndexDef[];
}

const RESERVED = new Set(['id', 'caption', 'searchText', 'sources']);

function ownColumns(owner: string, properties: Readonly<Record<string, PropertyShape>>): KuzuColumn[] {
  return Object.entries(properties).map(([name, p]) => {
    if (RESERVED.has(name)) throw new Error(`${owner}.${name} collides with a system property`);
    return { name, type: KUZU_TYPES[p.type] };
  });
}

const columnList = (columns: readonly KuzuColumn[], primaryKey?: string) =>
  columns.map((c) => `${ident(c.name)} ${c.type}${c.name === primaryKey ? ' PRIMARY KEY' : ''}`).join(', ');

export function nodeTable(kind: KindShape): KuzuTableDef {
  const columns = [
    ...NODE_SYSTEM_COLUMNS.map(([name, type]) => ({ name, type })),
    ...ownColumns(kind.name, kind.properties),
  ];
  const body = columnList(columns, 'id');
  return {
    name: kind.name,
    kind: 'node',
    columns,
    pairs: [],
    create: `CREATE NODE TABLE IF NOT EXISTS ${ident(kind.name)} (${body})`,
  };
}

export function relTable(rel: RelationshipShape): KuzuTableDef {
  const columns = [
    ...REL_SYSTEM_COLUMNS.map(([name, type]) => ({ name, type })),
    ...ownColumns(rel.name, rel.properties),
  ];
  const pairs = rel.endpoints.map(([f, t]) => `FROM ${ident(f)} TO ${ident(t)}`).join(', ');
  return {
    name: rel.name,
    kind: 'rel',
    columns,
    pairs: rel.endpoints,
    create: `CREATE REL TABLE IF NOT EXISTS ${ident(rel.name)} (${pairs}, ${columnList(columns)})`,
  };
}

/** The FTS index name of a kind (lower-case, so it never needs quoting inside the CALL's string). */
export const ftsIndexName = (kind: string) => `fts_${kind.toLowerCase()}`;

export function ftsIndex(kind: KindShape): KuzuFtsIndexDef {
  const index = ftsIndexName(kind.name);
  return {
    table: kind.name,
    index,
    create: `CALL CREATE_FTS_INDEX(${literal(kind.name)}, ${literal(index)}, ['searchText'])`,
  };
}

export function kuzuSchema(shape: ModelShape): KuzuSchema {
  return {
    tables: [...shape.kinds.map(nodeTable), ...shape.relationships.map(relTable)],
    ftsIndexes: shape.kinds.filter((k) => !k.system).map(ftsIndex),
  };
}

/** Adds a column the model gained since the database was created (Kuzu allows it on a table with data). */
export const addColumn = (table: string, column: KuzuColumn) =>
  `ALTER TABLE ${ident(table)} ADD IF NOT EXISTS ${ident(column.name)} ${column.type}`;

/** Adds a FROM/TO pair the model gained since the rel table was created. */
export const addRelPair = (table: string, from: string, to: string) =>
  `ALTER TABLE ${ident(table)} ADD FROM ${ident(from)} TO ${ident(to)}`;

/** Introspection used by init() to find what exists. */
export const SHOW_TABLES = 'CALL show_tables() RETURN name AS name, type AS type';
export const SHOW_INDEXES = 'CALL show_indexes() RETURN table_name AS tableName, index_name AS indexName';
export const tableInfo = (table: string) => `CALL table_info(${literal(table)}) RETURN name AS name, type AS type`;
export const showConnection = (table: string) =>
  `CALL show_connection(${literal(table)}) RETURN \`source table name\` AS fromTable, \`destination table name\` AS toTable`;
