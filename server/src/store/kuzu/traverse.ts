/** Expansion and shortest paths on the reader connections. */
import { MAX_PATH_HOPS, traversableRelationships } from '@ringtrace/cypher/kuzu/index.js';
import { invalidArgument, notFound } from '../../domain/errors.js';
import type { Link, Path, PathResult, Subgraph, Truncation } from '../../domain/graph.js';
import { model, relationshipOf } from '../../domain/model/index.js';
import { DEFAULT_EXPAND_LINK_LIMIT, MAX_EXPAND_LINK_LIMIT, type ExpandOptions, type PathOptions } from '../port.js';
import { idsIn, integerIn, investigationKindsIn } from '../arguments.js';
import { fetchEntities, fetchStored, kindNameOfId, refKey, type ReadContext } from './reads.js';
import { linksAmongKept, type FoundLink, type KeptNode } from './expand-links.js';
import { linkOf } from './rows.js';
import type { Row } from './session.js';

export const MAX_EXPAND_DEPTH = 3;
export const MAX_EXPAND_LIMIT = 100_000;
export const MAX_SEEDS = 1_000;
export const MAX_PATH_LIMIT = 1_000;
/** Paths fetched to pick a stable first `limit` (sorted by ids) when there are more than `limit`. */
const PATH_SAMPLE = 256;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Relationship types to follow: the given ones (each checked) among those an expansion may follow. */
function typesIn(types: readonly string[] | undefined): string[] | undefined {
  if (types !== undefined && !Array.isArray(types))
    throw invalidArgument('linkTypes', 'must be a list of relationship types');
  if (!types || types.length === 0) return undefined;
  return [...new Set(types.map((t) => relationshipOf(t).name))];
}

/** Entities by id, refusing an id that does not exist. */
async function existing(ctx: ReadContext, argument: string, ids: readonly string[]) {
  idsIn(argument, ids);
  const found = await fetchStored(ctx, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound('entity', missing);
  return found;
}

interface Candidate {
  readonly link: Link;
  readonly pair: string;
}

/** Keeps at most `max` links so that every pair of entities keeps one link before any pair gets a second. */
function boundLinks(candidates: readonly Candidate[], max: number): { links: Link[]; omitted: number } {
  const rank = new Map<string, number>();
  const ranked = [...candidates]
    .sort((a, b) => byId(a.link.id, b.link.id))
    .map((c) => {
      const r = rank.get(c.pair) ?? 0;
      rank.set(c.pair, r + 1);
      return { c, r };
    })
    .sort((a, b) => a.r - b.r || byId(a.c.link.id, b.c.link.id));
  const links = ranked
    .slice(0, max)
    .map((x) => x.c.link)
    .sort((a, b) => byId(a.id, b.id));
  return { links, omitted: candidates.length - links.length };
}

interface Reached {
  readonly distance: number;
  readonly ref: string;
}

/**
 * The nearest `limit` entities (of `kinds`) the expansion reaches, nearest first then by id, and how many
 * it reaches in all. Per seed, the engine returns its nearest `limit + seeds - 1` (a seed may take a
 * place): an entity among the nearest `limit` of the union is among the nearest of the seed it is
 * nearest to, so the merged lists hold the answer. The total is counted in the engine: on one seed in
 * parallel with the search and with what follows it (the count takes about half as long as the search
 * near a hub); on several, only when some list was cut short (otherwise the merged lists are exact).
 */
async function nearest(
  ctx: ReadContext,
  seeds: readonly string[],
  o: { depth: number; limit: number; types: string[] | undefined; kinds: string[] },
): Promise<{ kept: [string, Reached][]; total: Promise<number> }> {
  const { depth, types, kinds } = o;
  const perSeed = o.limit + seeds.length - 1;
  const kindOf = (seed: string) => kindNameOfId(seed)!;
  const totalOf = (rows: Row[]) => Number(rows[0]?.['total'] ?? 0);
  const counted =
    seeds.length === 1
      ? ctx.session.read(ctx.statements.expandCount(kindOf(seeds[0]!), depth, types, kinds), { seed: seeds[0]! })
      : undefined;
  // Awaited later or not at all: a failure must not surface as an unhandled rejection meanwhile.
  counted?.catch(() => undefined);
  const lists = await Promise.all(
    seeds.map((seed) =>
      ctx.session.read(ctx.statements.expandReach(kindOf(seed), depth, types, kinds), { seed, limit: perSeed }),
    ),
  );
  const seedSet = new Set(seeds);
  const reached = new Map<string, Reached>();
  for (const row of lists.flat()) {
    const id = String(row['id']);
    const d = Number(row['d']);
    if (seedSet.has(id) || (reached.get(id)?.distance ?? Infinity) <= d) continue;
    reached.set(id, { distance: d, ref: refKey(row['ref']) });
  }
  const kept = [...reached].sort(([a, x], [b, y]) => x.distance - y.distance || byId(a, b)).slice(0, o.limit);
  const cut = lists.some((rows) => rows.length >= perSeed);
  const total = !cut
    ? Promise.resolve(reached.size)
    : (
        counted ??
        ctx.session.read(ctx.statements.expandCountMany(seeds.map(kindOf), depth, types, kinds), { ids: seeds })
      ).then(totalOf);
  total.catch(() => undefined);
  return { kept, total };
}

/**
 * Expansion in two waves. First, in parallel: the seeds (which must exist), and per seed a BFS that
 * returns only the nearest ids (kinds filtered, sorted and cut in the engine), the count of all it
 * reaches running on. Then, in parallel, the kept entities and the links lying on the expansion among them (those of
 * a kept node at distance < depth to another kept node, expand-links.ts); the link bound keeps one link
 * per pair before any pair gets a second.
 */
export async function expand(ctx: ReadContext, o: ExpandOptions): Promise<Subgraph> {
  if (!Array.isArray(o.seeds) || o.seeds.length === 0) throw invalidArgument('seeds', 'needs at least one entity id');
  if (o.seeds.length > MAX_SEEDS) throw invalidArgument('seeds', `at most ${MAX_SEEDS} seeds, got ${o.seeds.length}`);
  const depth = integerIn('depth', o.depth, 1, MAX_EXPAND_DEPTH);
  const limit = integerIn('limit', o.limit, 0, MAX_EXPAND_LIMIT);
  const linkLimit = integerIn('linkLimit', o.linkLimit ?? DEFAULT_EXPAND_LINK_LIMIT, 0, MAX_EXPAND_LINK_LIMIT);
  const kinds = investigationKindsIn('kinds', o.kinds);
  const types = typesIn(o.linkTypes);
  const seeds = idsIn('seeds', o.seeds);
  const followed = traversableRelationships(model, types).length > 0;
  // The search starts with the seeds' lookup (an id of no kind exists nowhere, so none starts from it).
  const searched = followed && seeds.every((id) => kindNameOfId(id) !== undefined);
  const [seedEntities, reach] = await Promise.all([
    fetchStored(ctx, seeds),
    searched ? nearest(ctx, seeds, { depth, limit, types, kinds }) : { kept: [], total: Promise.resolve(0) },
  ]);
  const missing = seeds.find((id) => !seedEntities.has(id));
  if (missing !== undefined) throw notFound('entity', missing);

  const kept = reach.kept.map(([id]) => id);
  const nodes: KeptNode[] = [
    ...seeds.map((id) => ({ id, kind: kindNameOfId(id)!, ref: seedEntities.get(id)!.ref, inner: true })),
    ...reach.kept.map(([id, r]) => ({ id, kind: kindNameOfId(id)!, ref: r.ref, inner: r.distance < depth })),
  ];
  const [entities, found, total] = await Promise.all([
    fetchEntities(ctx, kept),
    followed ? linksAmongKept(ctx, nodes, types) : new Map<string, FoundLink>(),
    reach.total,
  ]);
  const candidates: Candidate[] = [...found.values()].map(({ row, from, to }) => ({
    link: linkOf(relationshipOf(String(row['type'])), row, from, to),
    pair: from < to ? `${from}|${to}` : `${to}|${from}`,
  }));
  const bounded = boundLinks(candidates, linkLimit);
  const truncation = (bound: string, value: number, omitted: number): Truncation | null =>
    omitted > 0 ? { bound, value, omitted } : null;
  return {
    entities: [...seeds.map((id) => seedEntities.get(id)!.entity), ...kept.flatMap((id) => entities.get(id) ?? [])],
    links: bounded.links,
    truncated: truncation('limit', limit, total - kept.length),
    truncatedLinks: truncation('linkLimit', linkLimit, bounded.omitted),
  };
}

interface EngineRef {
  readonly offset: number;
  readonly table: number;
}
const sameRef = (a: EngineRef, b: EngineRef) => a.offset === b.offset && a.table === b.table;

export async function shortestPaths(ctx: ReadContext, o: PathOptions): Promise<PathResult> {
  const maxHops = integerIn('maxHops', o.maxHops, 1, MAX_PATH_HOPS);
  const limit = integerIn('limit', o.limit, 0, MAX_PATH_LIMIT);
  const types = typesIn(o.linkTypes);
  if (typeof o.from !== 'string') throw invalidArgument('from', 'must be an entity id');
  if (typeof o.to !== 'string') throw invalidArgument('to', 'must be an entity id');
  const ends = await existing(ctx, 'from', [o.from, o.to]);
  if (o.from === o.to) {
    // The shortest path from an entity to itself is the entity (Kuzu's SHORTEST needs at least one hop).
    return {
      paths: limit > 0 ? [{ entityIds: [o.from], linkIds: [] }] : [],
      entities: limit > 0 ? [ends.get(o.from)!.entity] : [],
      links: [],
      truncated: limit > 0 ? null : { bound: 'limit', value: limit, omitted: 1 },
    };
  }
  if (traversableRelationships(model, types).length === 0)
    return { paths: [], entities: [], links: [], truncated: null };
  const fromKind = kindNameOfId(o.from)!;
  const toKind = kindNameOfId(o.to)!;
  const sample = Math.max(limit, PATH_SAMPLE);
  const rows = await ctx.session.read(ctx.statements.shortestPaths(fromKind, toKind, maxHops, types), {
    from: o.from,
    to: o.to,
    limit: sample,
  });
  const total =
    rows.length < sample
      ? rows.length
      : Number(
          (
            await ctx.session.read(ctx.statements.countShortestPaths(fromKind, toKind, maxHops, types), {
              from: o.from,
              to: o.to,
            })
          )[0]?.['total'] ?? 0,
        );
  const links = new Map<string, Link>();
  const paths: Path[] = rows.map((row) => {
    const entityIds = [o.from, ...(row['via'] as string[]).map(String), o.to];
    const refs = row['refs'] as EngineRef[];
    const linkIds = (row['links'] as Row[]).map((l, i) => {
      const [from, to] = sameRef(l['src'] as EngineRef, refs[i]!)
        ? [entityIds[i]!, entityIds[i + 1]!]
        : [entityIds[i + 1]!, entityIds[i]!];
      links.set(String(l['id']), linkOf(relationshipOf(String(l['type'])), l, from, to));
      return String(l['id']);
    });
    return { entityIds, linkIds };
  });
  const key = (p: Path) => `${p.entityIds.join(' ')}|${p.linkIds.join(' ')}`;
  const kept = paths.sort((a, b) => byId(key(a), key(b))).slice(0, limit);
  const entityIds = [...new Set(kept.flatMap((p) => p.entityIds))];
  const entities = await fetchEntities(ctx, entityIds);
  const keptLinks = [...new Set(kept.flatMap((p) => p.linkIds))].map((id) => links.get(id)!);
  const omitted = total - kept.length;
  return {
    paths: kept,
    entities: entityIds.flatMap((id) => entities.get(id) ?? []),
    links: keptLinks,
    truncated: omitted > 0 ? { bound: 'limit', value: limit, omitted } : null,
  };
}
