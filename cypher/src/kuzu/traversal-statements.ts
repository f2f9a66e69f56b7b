import type { ModelShape, RelationshipShape } from '../model-shape.js';
import { linkColumns, linkStruct } from './link-projection.js';
import { ident } from './quote.js';
import { statement, type KuzuStatement } from './statement.js';

/**
 * Expansion and shortest paths. Both use Kuzu's BFS form `-[* SHORTEST 1..k]-` to an unbound end: walks
 * (`*1..k`) revisit nodes and explode through hubs. Bounds and label filters cannot be parameters in a
 * recursive pattern, so they are inlined; every name is checked against the model before it gets here.
 */

/** Relationship types an expansion may follow: none that touches a system kind (SourceFile). */
export function traversableRelationships(shape: ModelShape, types?: readonly string[]): RelationshipShape[] {
  const system = new Set(shape.kinds.filter((k) => k.system).map((k) => k.name));
  const wanted = types && types.length > 0 ? new Set(types) : undefined;
  return shape.relationships.filter(
    (r) => (!wanted || wanted.has(r.name)) && r.endpoints.every(([f, t]) => !system.has(f) && !system.has(t)),
  );
}

function relAlternation(rels: readonly RelationshipShape[]): string {
  if (rels.length === 0) throw new Error('no relationship type to traverse');
  return rels.map((r) => ident(r.name)).join('|');
}

/**
 * The entities an expansion of `depth` hops reaches from one seed, each once with its distance `d` and its
 * engine id `ref` (which lets the store recognise link ends without joining node tables): a BFS that
 * returns ids only; the store picks the nearest, filters kinds, and fetches the few it keeps.
 */
export function expandReachStatement(
  shape: ModelShape,
  seedKind: string,
  depth: number,
  types?: readonly string[],
): KuzuStatement {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`depth ${depth} out of 1..3`);
  const alt = relAlternation(traversableRelationships(shape, types));
  return statement(
    `MATCH (s:${ident(seedKind)} {id: $seed})-[r:${alt}* SHORTEST 1..${depth}]-(n) RETURN n.id AS id, length(r) AS d, id(n) AS ref`,
    ['seed'],
  );
}

/** Relationship types an expansion may follow from a node of `kind`. */
export function traversableFrom(shape: ModelShape, kind: string, types?: readonly string[]): RelationshipShape[] {
  return traversableRelationships(shape, types).filter((r) => r.endpoints.some(([f, t]) => f === kind || t === kind));
}

/**
 * The links of kept nodes of `kind` at distance < depth (`$inner`, or one `$id`): rows `a`, `bRef` (the
 * engine id of the other end, which the store maps to a kept entity or drops: reading `b.id` would join
 * every node table and cost 2-3x), `out` (the link points from a to b) and the link columns.
 */
export function expandLinksStatement(
  shape: ModelShape,
  kind: string,
  many: boolean,
  types?: readonly string[],
): KuzuStatement {
  const rels = traversableFrom(shape, kind, types);
  const start = many ? `UNWIND $inner AS i MATCH (a:${ident(kind)} {id: i})` : `MATCH (a:${ident(kind)} {id: $id})`;
  return statement(
    `${start}-[l:${relAlternation(rels)}]-(b) ` +
      `RETURN a.id AS a, id(b) AS bRef, struct_extract(l, '_src') = id(a) AS out, ${linkColumns(rels, 'l')}`,
    [many ? 'inner' : 'id'],
  );
}

/** Bounds of a shortest-path search. */
export const MAX_PATH_HOPS = 10;

function pathPattern(shape: ModelShape, fromKind: string, toKind: string, maxHops: number, types?: readonly string[]) {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS) {
    throw new Error(`maxHops ${maxHops} out of 1..${MAX_PATH_HOPS}`);
  }
  const rels = traversableRelationships(shape, types);
  return {
    rels,
    text: `MATCH (a:${ident(fromKind)} {id: $from})-[r:${relAlternation(rels)}* ALL SHORTEST 1..${maxHops}]-(b:${ident(toKind)} {id: $to})`,
  };
}

/**
 * All shortest paths between two entities, at most `$limit` rows: `via` (ids of the inner nodes),
 * `refs` (engine ids of from, the inner nodes and to, only to orient links inside the adapter) and `links`.
 */
export function shortestPathsStatement(
  shape: ModelShape,
  fromKind: string,
  toKind: string,
  maxHops: number,
  types?: readonly string[],
): KuzuStatement {
  const { rels, text } = pathPattern(shape, fromKind, toKind, maxHops, types);
  return statement(
    `${text} RETURN properties(nodes(r), 'id') AS via, ` +
      `list_concat(list_concat([id(a)], list_transform(nodes(r), x -> id(x))), [id(b)]) AS refs, ` +
      `list_transform(rels(r), x -> ${linkStruct(rels, 'x')}) AS links LIMIT $limit`,
    ['from', 'to', 'limit'],
  );
}

/** How many shortest paths there are (to report what a limit left out). */
export function countShortestPathsStatement(
  shape: ModelShape,
  fromKind: string,
  toKind: string,
  maxHops: number,
  types?: readonly string[],
): KuzuStatement {
  return statement(`${pathPattern(shape, fromKind, toKind, maxHops, types).text} RETURN count(*) AS total`, [
    'from',
    'to',
  ]);
}
