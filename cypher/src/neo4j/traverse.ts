/**
 * Traversal statements: breadth-first expansion one level at a time, and all shortest paths.
 * Nodes are addressed by element id between statements of one read transaction (resolved from our ids by
 * `entity.refs.<Kind>`); element ids never leave the adapter. Relationship types are a parameter list
 * (checked against the model by the adapter), so one statement serves every type filter.
 */
import type { ModelShape } from '../model-shape.js';
import { kindIn, systemKindsOf } from './names.js';
import { statement, type CypherStatement } from './statement.js';

/** Most hops a shortest-path search may take; path bounds cannot be parameters, so one statement per bound. */
export const NEO4J_MAX_PATH_HOPS = 10;

/** ` AND NOT n:SourceFile ...`: system kinds are stored but never traversed. */
const notSystem = (model: ModelShape, v: string) =>
  systemKindsOf(model)
    .map((k) => ` AND NOT ${v}:${kindIn(model, k.name).name}`)
    .join('');

/**
 * One breadth-first level: the entities one link away from the frontier that were not visited yet.
 * `$visited` holds the frontier and every earlier level, so each entity is reported once, at its distance.
 * Every kind is traversed (a kinds filter applies to what is returned, as on the embedded engine); system
 * kinds are never entered.
 */
export const expandStepStatement = (model: ModelShape): CypherStatement =>
  statement(
    'expand.step',
    ['frontier', 'types', 'visited'],
    [
      'UNWIND $frontier AS ref',
      'MATCH (s) WHERE elementId(s) = ref',
      'MATCH (s)-[r]-(n)',
      `WHERE type(r) IN $types${notSystem(model, 'n')} AND NOT elementId(n) IN $visited`,
      'RETURN DISTINCT elementId(n) AS ref, n.id AS id',
    ],
  );

/** The kept entities' properties. */
export const expandEntitiesStatement = (_model: ModelShape): CypherStatement =>
  statement(
    'expand.entities',
    ['refs'],
    ['UNWIND $refs AS ref', 'MATCH (n) WHERE elementId(n) = ref', 'RETURN properties(n) AS properties'],
  );

/**
 * The links of the followed types between kept entities (each once, from its start node). The adapter
 * drops those between two entities at the full depth: the expansion never walked them.
 */
export const expandLinksStatement = (_model: ModelShape): CypherStatement =>
  statement(
    'expand.links',
    ['refs', 'types'],
    [
      'UNWIND $refs AS ref',
      'MATCH (a) WHERE elementId(a) = ref',
      'MATCH (a)-[r]->(b)',
      'WHERE type(r) IN $types AND elementId(b) IN $refs',
      'RETURN type(r) AS type, properties(r) AS properties, a.id AS from, b.id AS to',
    ],
  );

/**
 * Every shortest path of at most `maxHops` links between two entities, over the given types, ordered by the
 * entity ids along them. All of them are counted (for `truncated`), the first `$limit` returned as ids.
 */
export function shortestPathsStatement(model: ModelShape, maxHops: number): CypherStatement {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > NEO4J_MAX_PATH_HOPS) {
    throw new Error(`maxHops must be an integer from 1 to ${NEO4J_MAX_PATH_HOPS}, got ${maxHops}`);
  }
  const notSystemNodes = systemKindsOf(model)
    .map((k) => ` AND none(x IN nodes(p) WHERE x:${kindIn(model, k.name).name})`)
    .join('');
  return statement(
    `paths.shortest.${maxHops}`,
    ['from', 'to', 'types', 'limit'],
    [
      'MATCH (a) WHERE elementId(a) = $from',
      'MATCH (b) WHERE elementId(b) = $to',
      `MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))`,
      // Universal predicates over a path's relationships and nodes are checked during the search itself.
      `WHERE all(r IN relationships(p) WHERE type(r) IN $types)${notSystemNodes}`,
      'WITH [x IN nodes(p) | x.id] AS entityIds, [r IN relationships(p) | r.id] AS linkIds',
      'ORDER BY entityIds, linkIds',
      'WITH collect({entityIds: entityIds, linkIds: linkIds}) AS paths',
      'RETURN size(paths) AS total, paths[..$limit] AS paths',
    ],
  );
}
