/** Rows returned by the statements, as port data. Engine ids and internal columns stop here. */
import { propParam } from '@ringtrace/cypher/kuzu/index.js';
import type { Entity, Link, Properties, PropertyValue } from '../../domain/graph.js';
import type { KindDef, RelationshipDef } from '../../domain/model/index.js';
import type { Row } from './session.js';
import { parseSource, readValue } from './values.js';

/** Entity sources are a STRING[]; link sources one space-separated STRING (see REL_SYSTEM_COLUMNS). */
const sourcesOf = (raw: unknown): string[] =>
  Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(' ').filter((s) => s !== '') : [];

/** Link sources as bound: one space-separated string. */
export const linkSourcesBound = (sources: readonly string[]) => sources.join(' ');

/** The declared properties of a row that are set (nulls omitted), in model order. */
export function propertiesOf(owner: KindDef | RelationshipDef, row: Row): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [name, def] of Object.entries(owner.properties)) {
    const value = readValue(def.type, row[propParam(name)]);
    if (value !== null) out[name] = value;
  }
  return out;
}

export interface StoredEntity {
  readonly caption: string;
  readonly searchText: string;
  readonly sources: string[];
  readonly properties: Properties;
}

export const storedEntity = (kind: KindDef, row: Row): StoredEntity => ({
  caption: String(row['caption'] ?? ''),
  searchText: String(row['searchText'] ?? ''),
  sources: sourcesOf(row['sources']),
  properties: propertiesOf(kind, row),
});

export const entityOf = (kind: KindDef, row: Row): Entity => ({
  id: String(row['id']),
  kind: kind.name,
  properties: propertiesOf(kind, row),
  sources: sourcesOf(row['sources']).map(parseSource),
});

export interface StoredLink {
  readonly sources: string[];
  readonly properties: Properties;
}

export const storedLink = (type: RelationshipDef, row: Row): StoredLink => ({
  sources: sourcesOf(row['sources']),
  properties: propertiesOf(type, row),
});

export const linkOf = (type: RelationshipDef, row: Row, from: string, to: string): Link => ({
  id: String(row['id']),
  type: type.name,
  from,
  to,
  properties: propertiesOf(type, row),
  sources: sourcesOf(row['sources']).map(parseSource),
});
