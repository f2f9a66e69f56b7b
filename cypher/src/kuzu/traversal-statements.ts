import type { ModelShape, RelationshipShape } from '../model-shape.js';
import { linkColumns, linkStruct } from './link-projection.js';
import { ident, literalList } from './quote.js';
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

function checkDepth(depth: number) {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`depth ${depth} out of 1..3`);
}

/**
 * `label(n) IN [...]` when only some kinds are wanted, else nothing: a BFS never follows a relationship
 * that touches a system kind, so every node it reaches is of an investigation kind.
 */
function kindFilter(shape: ModelShape, kinds: readonly string[] | undefined): string | undefined {
  if (!kinds || kinds.length === 0) return undefined;
  const known = new Set(shape.kinds.filter((k) => !k.system).map((k) => k.name));
  for (const k of kinds) if (!known.has(k)) throw new Error(`not an investigation kind: ${k}`);
  if (known.size === new Set(kinds).size) return undefined;
  return `label(n) IN ${literalList([...new Set(kinds)].sort())}`;
}

const bfs = (shape: ModelShape, start: string, depth: number, types?: readonly string[]) => {
  checkDepth(depth);
  return `MATCH ${start}-[r:${relAlternation(traversableRelationships(shape, types))}* SHORTEST 1..${depth}]-(n)`;
};

/**
 * The nearest `$limit` entities (of `kinds`, if given) an expansion of `depth` hops reaches from one seed,
 * nearest first, ties by id: `id`, distance `d` and engine id `ref` (which lets the store recognise link
 * ends without joining node tables). The BFS visits every node within reach, but the sort and the limit
 * run in the engine, so only `$limit` rows cross into JS (a hub's 2e5 reached ids did, sorted in JS).
 */
export function expandReachStatement(
  shape: ModelShape,
  seedKind: string,
  depth: number,
  types?: readonly string[],
  kinds?: readonly string[],
): KuzuStatement {
  const filter = kindFilter(shape, kinds);
  return statement(
    `${bfs(shape, `(s:${ident(seedKind)} {id: $seed})`, depth, types)}${filter ? ` WHERE ${filter}` : ''} ` +
      `RETURN n.id AS id, length(r) AS d, id(n) AS ref ORDER BY d, id LIMIT $limit`,
    ['seed', 'limit'],
  );
}

/** How many entities (of `kinds`) an expansion from one seed reaches: what a limit leaves out. */
export function expandCountStatement(
  shape: ModelShape,
  seedKind: string,
  depth: number,
  types?: readonly string[],
  kinds?: readonly string[],
): KuzuStatement {
  const filter = kindFilter(shape, kinds);
  return statement(
    `${bfs(shape, `(s:${ident(seedKind)} {id: $seed})`, depth, types)}${filter ? ` WHERE ${filter}` : ''} ` +
      'RETURN count(*) AS total',
    ['seed'],
  );
}

/**
 * The same for several seeds (`$ids`, of `seedKinds`): the distinct entities reached, seeds left out.
 * One MATCH on purpose: the same filter after a second MATCH (`MATCH (s:A:B) WHERE s.id IN $ids MATCH (s)-[...]-(n)
 * WHERE NOT n.id IN $ids`) crashes Kuzu 0.11.3 with a segmentation fault.
 */
export function expandCountManyStatement(
  shape: ModelShape,
  seedKinds: readonly string[],
  depth: number,
  types?: readonly string[],
  kinds?: readonly string[],
): KuzuStatement {
  if (seedKinds.length === 0) throw new Error('no seed kind');
  const filter = kindFilter(shape, kinds);
  const labels = [...new Set(seedKinds)].map(ident).join(':');
  return statement(
    `${bfs(shape, `(s:${labels})`, depth, types)} WHERE s.id IN $ids AND NOT n.id IN $ids` +
      `${filter ? ` AND ${filter}` : ''} RETURN count(DISTINCT n) AS total`,
    ['ids'],
  );
}

/** Relationship types an expansion may follow from a node of `kind`. */
export function traversableFrom(shape: ModelShape, kind: string, types?: readonly string[]): RelationshipShape[] {
  return traversableRelationships(shape, types).filter((r) => r.endpoints.some(([f, t]) => f === kind || t === kind));
}

/**
 * The links of some kept nodes of `kind` (`$inner`, or one `$id`) to kept nodes: rows `a`, `bRef` (the
 * engine id of the other end, which the store maps to its entity: reading `b.id` would join every node
 * table and cost 2-3x), `out` (the link points from a to b) and the link columns. The other end is
 * checked in the engine before any link column is read, by the offset of its engine id (`$keptOffsets`;
 * offsets repeat across tables, so the store drops the few rows whose table is not the kept one's): a
 * hub's 4e4 links become the few that reach kept nodes in ~12 ms at 1e6 relationships, where reading them
 * all took ~220 ms and matching `CAST(id(b) AS STRING)` ~115 ms. (Whole engine ids built from a
 * parameter, `id(b) IN list_transform($refs, x -> internal_id(x[1], x[2]))`, were as fast but matched the
 * wrong nodes on the demo case with Kuzu 0.11.3; server/src/store/kuzu/traverse.test.ts caught it.)
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
    `${start}-[l:${relAlternation(rels)}]-(b) WHERE offset(id(b)) IN $keptOffsets ` +
      `RETURN a.id AS a, id(b) AS bRef, struct_extract(l, '_src') = id(a) AS out, ${linkColumns(rels, 'l')}`,
    [many ? 'inner' : 'id', 'keptOffsets'],
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
