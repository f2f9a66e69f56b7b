/**
 * Expansion and shortest paths. Expansion is breadth-first, one statement per level inside one read
 * transaction, so every entity is reached once at its distance and hubs are not walked path by path;
 * the nearest entities are kept (ties by id) and what the limit leaves out is counted.
 */
import { NEO4J_MAX_PATH_HOPS, type Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import { int } from 'neo4j-driver';
import type { Link, Path, PathResult, Subgraph } from '../../domain/graph.js';
import type { ExpandOptions, PathOptions } from '../port.js';
import type { Tx } from './executor.js';
import { getEntitiesIn, getLinksIn, refsIn } from './lookup.js';
import { entityFromStored, linkFromStored } from './mapping.js';
import { integerIn, kindsFilter, typesFilter } from './options.js';

export const MAX_EXPAND_DEPTH = 3;
/** The most entities one expansion may return; bounds the memory of one call. */
export const MAX_EXPAND_LIMIT = 100_000;

export function checkExpand(options: ExpandOptions) {
  return {
    seeds: [...new Set(options.seeds)],
    depth: integerIn('depth', options.depth, 1, MAX_EXPAND_DEPTH),
    limit: integerIn('limit', options.limit, 0, MAX_EXPAND_LIMIT),
    kinds: kindsFilter(options.kinds),
    types: typesFilter(options.linkTypes),
  };
}

interface Reached {
  readonly ref: string;
  readonly id: string;
  readonly distance: number;
}

export async function expandIn(tx: Tx, s: Neo4jStatements, o: ReturnType<typeof checkExpand>): Promise<Subgraph> {
  const seedRefs = await refsIn(tx, s, o.seeds);
  const visited = [...seedRefs.values()];
  const reached: Reached[] = [];
  let frontier = [...visited];
  for (let distance = 1; distance <= o.depth && frontier.length > 0; distance++) {
    const rows = await tx.run(s.expandStep, { frontier, types: o.types, kinds: o.kinds, visited });
    frontier = rows.map((r) => String(r['ref']));
    visited.push(...frontier);
    reached.push(...rows.map((r) => ({ ref: String(r['ref']), id: String(r['id']), distance })));
  }
  const candidates = reached.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept = candidates.slice(0, o.limit);
  const seeds = o.seeds.filter((id) => seedRefs.has(id));
  const refs = [...seeds.map((id) => seedRefs.get(id) as string), ...kept.map((r) => r.ref)];

  const stored = await tx.run(s.expandEntities, { refs });
  const byId = new Map(
    stored.map((r) => entityFromStored(r['properties'] as Record<string, unknown>)).map((e) => [e.id, e]),
  );
  const entities = [...seeds, ...kept.map((r) => r.id)].flatMap((id) => byId.get(id) ?? []);
  // Links the expansion walked: at least one end nearer than the full depth (seeds are at 0).
  const distance = new Map<string, number>([
    ...seeds.map((id) => [id, 0] as const),
    ...kept.map((r) => [r.id, r.distance] as const),
  ]);
  const walked = (from: string, to: string) =>
    Math.min(distance.get(from) ?? o.depth, distance.get(to) ?? o.depth) < o.depth;
  const links = (await tx.run(s.expandLinks, { refs, types: o.types }))
    .map((r) => linkFromStored(String(r['type']), r['properties'] as Record<string, unknown>, r['from'], r['to']))
    .filter((l) => walked(l.from, l.to))
    .sort(byLinkId);
  const omitted = candidates.length - kept.length;
  return { entities, links, truncated: omitted > 0 ? { bound: 'limit', value: o.limit, omitted } : null };
}

const byLinkId = (a: Link, b: Link) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The most paths one call may return. */
export const MAX_PATH_LIMIT = 1_000;

export function checkPaths(options: PathOptions) {
  return {
    from: options.from,
    to: options.to,
    maxHops: integerIn('maxHops', options.maxHops, 1, NEO4J_MAX_PATH_HOPS),
    limit: integerIn('limit', options.limit, 0, MAX_PATH_LIMIT),
    types: typesFilter(options.linkTypes),
  };
}

export async function shortestPathsIn(
  tx: Tx,
  s: Neo4jStatements,
  o: ReturnType<typeof checkPaths>,
): Promise<PathResult> {
  const refs = await refsIn(tx, s, [o.from, o.to]);
  const from = refs.get(o.from);
  const to = refs.get(o.to);
  let total = 0;
  let paths: Path[] = [];
  if (from !== undefined && to !== undefined && o.from === o.to) {
    // Neo4j's shortest path refuses equal ends; the shortest path from an entity to itself is the entity.
    total = 1;
    paths = o.limit > 0 ? [{ entityIds: [o.from], linkIds: [] }] : [];
  } else if (from !== undefined && to !== undefined) {
    const [row] = await tx.run(s.shortestPaths(o.maxHops), { from, to, types: o.types, limit: int(o.limit) });
    total = Number(row?.['total'] ?? 0);
    paths = ((row?.['paths'] as Array<{ entityIds: string[]; linkIds: string[] }> | undefined) ?? []).map((p) => ({
      entityIds: p.entityIds,
      linkIds: p.linkIds,
    }));
  }
  const entities = await getEntitiesIn(
    tx,
    s,
    paths.flatMap((p) => p.entityIds),
  );
  const links = await getLinksIn(
    tx,
    s,
    paths.flatMap((p) => p.linkIds),
  );
  const omitted = total - paths.length;
  return { paths, entities, links, truncated: omitted > 0 ? { bound: 'limit', value: o.limit, omitted } : null };
}
