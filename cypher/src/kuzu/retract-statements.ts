/**
 * Retracting sources (undoing an import): every statement scans one table, takes off the sources that
 * cite the given files, and deletes what is left citing nothing. The files come as regular expressions
 * built by the adapter from validated SHA-256 hex only (`^(<sha>|<sha>)#` for an entity's list of sources,
 * `(^| )(<sha>|...)#` for a link's space-separated string). Kuzu cannot read a parameter inside a lambda,
 * so entity statements bind it first (`WITH $match AS m`).
 */
import type { KindShape, ModelShape, RelationshipShape } from '../model-shape.js';
import { ident } from './quote.js';
import { statement, type KuzuStatement } from './statement.js';

export interface KuzuRetractStatements {
  /** Per relationship type: deletes links whose every source matches `$match`; returns `n`. */
  readonly removeLinks: ReadonlyMap<string, KuzuStatement>;
  /** Per relationship type: strips `$strip` from the sources of links matching `$match`; returns `n`. */
  readonly updateLinks: ReadonlyMap<string, KuzuStatement>;
  /**
   * Per kind: deletes entities with no source left once `$match` is taken off (none before counts too)
   * and no link; returns `n`.
   */
  readonly removeEntities: ReadonlyMap<string, KuzuStatement>;
  /** Per kind: takes sources matching `$match` off the entities that have some; returns `n`. */
  readonly updateEntities: ReadonlyMap<string, KuzuStatement>;
}

const KEPT = 'list_filter(n.sources, s -> NOT regexp_matches(s, m))';

function linked(shape: ModelShape, kind: KindShape): boolean {
  return shape.relationships.some((r) => r.endpoints.some(([f, t]) => f === kind.name || t === kind.name));
}

const removeLinks = (rel: RelationshipShape) =>
  statement(
    `MATCH ()-[l:${ident(rel.name)}]->() WHERE regexp_matches(l.sources, $match) ` +
      `AND trim(regexp_replace(l.sources, $strip, '', 'g')) = '' DELETE l RETURN count(*) AS n`,
    ['match', 'strip'],
  );

const updateLinks = (rel: RelationshipShape) =>
  statement(
    `MATCH ()-[l:${ident(rel.name)}]->() WHERE regexp_matches(l.sources, $match) ` +
      `SET l.sources = trim(regexp_replace(l.sources, $strip, '', 'g')) RETURN count(*) AS n`,
    ['match', 'strip'],
  );

function removeEntities(shape: ModelShape, kind: KindShape): KuzuStatement {
  const unlinked = linked(shape, kind) ? ' AND NOT EXISTS { MATCH (n)-[]-() }' : '';
  return statement(
    `WITH $match AS m MATCH (n:${ident(kind.name)}) WITH n, ${KEPT} AS kept ` +
      `WHERE size(kept) = 0${unlinked} DELETE n RETURN count(*) AS n`,
    ['match'],
  );
}

const updateEntities = (kind: KindShape) =>
  statement(
    `WITH $match AS m MATCH (n:${ident(kind.name)}) WITH n, ${KEPT} AS kept ` +
      `WHERE size(kept) < size(n.sources) SET n.sources = kept RETURN count(*) AS n`,
    ['match'],
  );

export function kuzuRetractStatements(shape: ModelShape): KuzuRetractStatements {
  return {
    removeLinks: new Map(shape.relationships.map((r) => [r.name, removeLinks(r)])),
    updateLinks: new Map(shape.relationships.map((r) => [r.name, updateLinks(r)])),
    removeEntities: new Map(shape.kinds.map((k) => [k.name, removeEntities(shape, k)])),
    updateEntities: new Map(shape.kinds.map((k) => [k.name, updateEntities(k)])),
  };
}
