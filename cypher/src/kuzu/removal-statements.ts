import type { ModelShape } from '../model-shape.js';
import { ident } from './quote.js';
import { statement, type KuzuStatement } from './statement.js';

/**
 * The ids of every link one entity has, in either direction, each once (a link from the entity to itself
 * too): what a detaching removal takes with it. The relationship types touching the kind are named, so
 * Kuzu reads only their adjacency lists from the primary-key match. Undefined for a kind that no
 * relationship type touches (it can have no links).
 */
export function entityLinkIdsStatement(shape: ModelShape, kind: string): KuzuStatement | undefined {
  const rels = shape.relationships.filter((r) => r.endpoints.some(([f, t]) => f === kind || t === kind));
  if (rels.length === 0) return undefined;
  const alt = rels.map((r) => ident(r.name)).join('|');
  return statement(`MATCH (n:${ident(kind)} {id: $id})-[l:${alt}]-() RETURN DISTINCT l.id AS id`, ['id']);
}
