import type { PropertyTypeShape, RelationshipShape } from '../model-shape.js';
import { toRead } from './kuzu-types.js';
import { ident } from './quote.js';
import { propParam } from './statement.js';

/**
 * Columns of a link read through a variable that spans several rel tables (expansion, paths). Each
 * property of any of the tables gets one column `p_<name>` (NULL for tables without it). When two tables
 * declare the same name with different types (RECRUITED.at is a DATE, CALLED.at a TIMESTAMP) the column is
 * read as a STRING and the adapter decodes it by the declared type of the link's own table.
 */
export interface ProjectedProperty {
  readonly name: string;
  readonly column: string;
  readonly expr: (variable: string) => string;
}

export function linkProjection(rels: readonly RelationshipShape[]): ProjectedProperty[] {
  const types = new Map<string, Set<PropertyTypeShape>>();
  for (const rel of rels) {
    for (const [name, p] of Object.entries(rel.properties)) {
      if (!types.has(name)) types.set(name, new Set());
      types.get(name)!.add(p.type);
    }
  }
  return [...types.entries()].map(([name, set]) => {
    const only = set.size === 1 ? [...set][0]! : undefined;
    if (!only && set.has('string[]')) throw new Error(`link property ${name} is a list in one type and not in another`);
    return {
      name,
      column: propParam(name),
      expr: (v: string) => (only ? toRead(only, `${v}.${ident(name)}`) : `CAST(${v}.${ident(name)} AS STRING)`),
    };
  });
}

/** `label(l) AS type, l.id AS id, l.sources AS sources, <properties>` for a rel variable. */
export function linkColumns(rels: readonly RelationshipShape[], v: string): string {
  return [
    `label(${v}) AS type`,
    `${v}.id AS id`,
    `${v}.sources AS sources`,
    ...linkProjection(rels).map((p) => `${p.expr(v)} AS ${ident(p.column)}`),
  ].join(', ');
}

/** A struct literal of the same fields for a rel inside a list (paths): `{type: ..., id: ..., ...}`. */
export function linkStruct(rels: readonly RelationshipShape[], v: string): string {
  const fields = [
    `type: label(${v})`,
    `id: ${v}.id`,
    `src: ${v}._src`,
    `sources: ${v}.sources`,
    ...linkProjection(rels).map((p) => `${ident(p.column)}: ${p.expr(v)}`),
  ];
  return `{${fields.join(', ')}}`;
}
