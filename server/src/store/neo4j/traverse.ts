/**
 * Expansion and shortest paths, with the embedded adapter's semantics. Expansion is breadth-first, one
 * statement per level inside one read transaction, so every entity is reached once at its distance and
 * hubs are not walked path by path. Every kind is traversed; the kinds filter, the limit (nearest first,
 * ties by id) and the link bound are applied here, and what they leave out is counted.
 */
import { NEO4J_MAX_PATH_HOPS, type Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import { int } from 'neo4j-driver';
import { invalidArgument, notFound } from '../../domain/errors.js';
import type { Link, Path, PathResult, Subgraph, Truncation } from '../../domain/graph.js';
import { DEFAULT_EXPAND_LINK_LIMIT, MAX_EXPAND_LINK_LIMIT, type ExpandOptions, type PathOptions } from '../port.js';
import type { Tx } from './executor.js';
import { getEntitiesIn, getLinksIn, kindNameOfId, refsIn } from './lookup.js';
import { entityFromStored, linkFromStored } from './mapping.js';
import { idsIn, integerIn, investigationKindsIn, typesIn } from '../arguments.js';

export const MAX_EXPAND_DEPTH = 3;
export const MAX_EXPAND_LIMIT = 100_000;
export const MAX_SEEDS = 1_000;
export const MAX_PATH_LIMIT = 1_000;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const truncation = (bound: string, value: number, omitted: number): Truncation | null =>
  omitted > 0 ? { bound, value, omitted } : null;

export function checkExpand(o: ExpandOptions) {
  if (!Array.isArray(o.seeds) || o.seeds.length === 0) throw invalidArgument('seeds', 'needs at least one entity id');
  if (o.seeds.length > MAX_SEEDS) throw invalidArgument('seeds', `at most ${MAX_SEEDS} seeds, got ${o.seeds.length}`);
  return {
    depth: integerIn('depth', o.depth, 1, MAX_EXPAND_DEPTH),
    limit: integerIn('limit', o.limit, 0, MAX_EXPAND_LIMIT),
    linkLimit: integerIn('linkLimit', o.linkLimit ?? DEFAULT_EXPAND_LINK_LIMIT, 0, MAX_EXPAND_LINK_LIMIT),
    kinds: new Set(investigationKindsIn('kinds', o.kinds)),
    types: typesIn(o.linkTypes),
    seeds: idsIn('seeds', o.seeds),
  };
}

/** Element ids of entities that must exist; the first missing one is NOT_FOUND. */
async function existing(tx: Tx, s: Neo4jStatements, ids: readonly string[]): Promise<Map<string, string>> {
  const refs = await refsIn(tx, s, ids);
  const missing = ids.find((id) => !refs.has(id));
  if (missing !== undefined) throw notFound('entity', missing);
  return refs;
}

/** Keeps at most `max` links so that every pair of entities keeps one link before any pair gets a second. */
export function boundLinks(candidates: readonly Link[], max: number): { links: Link[]; omitted: number } {
  const rank = new Map<string, number>();
  const ranked = [...candidates]
    .sort((a, b) => byId(a.id, b.id))
    .map((link) => {
      const pair = link.from < link.to ? `${link.from}|${link.to}` : `${link.to}|${link.from}`;
      const r = rank.get(pair) ?? 0;
      rank.set(pair, r + 1);
      return { link, r };
    })
    .sort((a, b) => a.r - b.r || byId(a.link.id, b.link.id));
  const links = ranked
    .slice(0, max)
    .map((x) => x.link)
    .sort((a, b) => byId(a.id, b.id));
  return { links, omitted: candidates.length - links.length };
}

export async function expandIn(tx: Tx, s: Neo4jStatements, o: ReturnType<typeof checkExpand>): Promise<Subgraph> {
  const seedRefs = await existing(tx, s, o.seeds);
  const visited = o.seeds.map((id) => seedRefs.get(id) as string);
  const distance = new Map<string, number>(o.seeds.map((id) => [id, 0]));
  const refOf = new Map<string, string>(seedRefs);
  let frontier = [...visited];
  for (let d = 1; d <= o.depth && frontier.length > 0; d++) {
    const rows = await tx.run(s.expandStep, { frontier, types: o.types, visited });
    frontier = rows.map((r) => String(r['ref']));
    visited.push(...frontier);
    for (const r of rows) {
      distance.set(String(r['id']), d);
      refOf.set(String(r['id']), String(r['ref']));
    }
  }
  const seedSet = new Set(o.seeds);
  const reached = [...distance]
    .filter(([id]) => !seedSet.has(id) && o.kinds.has(kindNameOfId(id) ?? ''))
    .sort(([a, da], [b, db]) => da - db || byId(a, b))
    .map(([id]) => id);
  const kept = reached.slice(0, o.limit);
  const refs = [...o.seeds, ...kept].map((id) => refOf.get(id) as string);

  const stored = await tx.run(s.expandEntities, { refs });
  const entities = new Map(
    stored.map((r) => entityFromStored(r['properties'] as Record<string, unknown>)).map((e) => [e.id, e]),
  );
  // The links the expansion walked: those of an entity nearer than the full depth (seeds are at 0).
  const walked = (l: Link) => Math.min(distance.get(l.from) ?? o.depth, distance.get(l.to) ?? o.depth) < o.depth;
  const candidates = (await tx.run(s.expandLinks, { refs, types: o.types }))
    .map((r) => linkFromStored(String(r['type']), r['properties'] as Record<string, unknown>, r['from'], r['to']))
    .filter(walked);
  const bounded = boundLinks(candidates, o.linkLimit);
  return {
    entities: [...o.seeds, ...kept].flatMap((id) => entities.get(id) ?? []),
    links: bounded.links,
    truncated: truncation('limit', o.limit, reached.length - kept.length),
    truncatedLinks: truncation('linkLimit', o.linkLimit, bounded.omitted),
  };
}

export function checkPaths(o: PathOptions) {
  const maxHops = integerIn('maxHops', o.maxHops, 1, NEO4J_MAX_PATH_HOPS);
  const limit = integerIn('limit', o.limit, 0, MAX_PATH_LIMIT);
  const types = typesIn(o.linkTypes);
  if (typeof o.from !== 'string') throw invalidArgument('from', 'must be an entity id');
  if (typeof o.to !== 'string') throw invalidArgument('to', 'must be an entity id');
  return { from: o.from, to: o.to, maxHops, limit, types };
}

export async function shortestPathsIn(
  tx: Tx,
  s: Neo4jStatements,
  o: ReturnType<typeof checkPaths>,
): Promise<PathResult> {
  const refs = await existing(tx, s, [...new Set([o.from, o.to])]);
  let total: number;
  let paths: Path[];
  if (o.from === o.to) {
    // Neo4j's shortest path refuses equal ends; the shortest path from an entity to itself is the entity.
    total = 1;
    paths = o.limit > 0 ? [{ entityIds: [o.from], linkIds: [] }] : [];
  } else {
    const [row] = await tx.run(s.shortestPaths(o.maxHops), {
      from: refs.get(o.from),
      to: refs.get(o.to),
      types: o.types,
      limit: int(o.limit),
    });
    total = Number(row?.['total'] ?? 0);
    paths = ((row?.['paths'] as Path[] | undefined) ?? []).map((p) => ({
      entityIds: p.entityIds.map(String),
      linkIds: p.linkIds.map(String),
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
  return { paths, entities, links, truncated: truncation('limit', o.limit, total - paths.length) };
}
