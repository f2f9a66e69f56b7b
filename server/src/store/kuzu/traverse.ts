/** Expansion and shortest paths on the reader connections. */
import { MAX_PATH_HOPS, traversableRelationships } from '@ringtrace/cypher/kuzu/index.js';
import { invalidArgument, notFound } from '../../domain/errors.js';
import type { Link, Path, PathResult, Subgraph, Truncation } from '../../domain/graph.js';
import { model, relationshipOf } from '../../domain/model/index.js';
import { DEFAULT_EXPAND_LINK_LIMIT, MAX_EXPAND_LINK_LIMIT, type ExpandOptions, type PathOptions } from '../port.js';
import { integerIn, investigationKindsIn } from '../arguments.js';
import { fetchEntities, fetchStored, kindNameOfId, refKey, type ReadContext } from './reads.js';
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
  for (const id of ids)
    if (typeof id !== 'string') throw invalidArgument(argument, `ids must be strings, got ${JSON.stringify(id)}`);
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

/** Up to this many inner nodes of a kind, their links are read one node at a time (~1.3 ms each). */
const linkLookupsPerJoin = (tableRows: number) => Math.max(8, tableRows / 2_600);

/**
 * Links on the expansion among the kept entities: every link of a kept node at distance < depth whose
 * other end (recognised by engine id) is kept. Per kind, by key or by one join.
 */
async function linksAmong(
  ctx: ReadContext,
  inner: readonly string[],
  keptByRef: ReadonlyMap<string, string>,
  types: readonly string[] | undefined,
): Promise<Map<string, { row: Row; from: string; to: string }>> {
  const byKind = new Map<string, string[]>();
  for (const id of inner) {
    const kind = kindNameOfId(id)!;
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const batches = await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      const few = ids.length <= linkLookupsPerJoin(ctx.sizes.get(kind) ?? 0);
      const st = ctx.statements.expandLinks(kind, !few, types);
      if (!st) return [];
      if (!few) return ctx.session.read(st, { inner: ids });
      return (await Promise.all(ids.map((id) => ctx.session.read(st, { id })))).flat();
    }),
  );
  const found = new Map<string, { row: Row; from: string; to: string }>();
  for (const row of batches.flat()) {
    const b = keptByRef.get(refKey(row['bRef']));
    if (b === undefined) continue;
    const a = String(row['a']);
    found.set(String(row['id']), { row, from: row['out'] === true ? a : b, to: row['out'] === true ? b : a });
  }
  return found;
}

/**
 * Expansion in two steps. First a BFS per seed returns the ids reached and their distances (cheap: ids
 * only); the kinds filter, the limit (nearest first, ties by id) and the truncation count are applied
 * here. Then, in parallel per kind, the kept entities are fetched and the links lying on the expansion
 * among them (those of a kept node at distance < depth to another kept node); the link bound keeps one
 * link per pair before any pair gets a second.
 */
export async function expand(ctx: ReadContext, o: ExpandOptions): Promise<Subgraph> {
  if (!Array.isArray(o.seeds) || o.seeds.length === 0) throw invalidArgument('seeds', 'needs at least one entity id');
  if (o.seeds.length > MAX_SEEDS) throw invalidArgument('seeds', `at most ${MAX_SEEDS} seeds, got ${o.seeds.length}`);
  const depth = integerIn('depth', o.depth, 1, MAX_EXPAND_DEPTH);
  const limit = integerIn('limit', o.limit, 0, MAX_EXPAND_LIMIT);
  const linkLimit = integerIn('linkLimit', o.linkLimit ?? DEFAULT_EXPAND_LINK_LIMIT, 0, MAX_EXPAND_LINK_LIMIT);
  const kinds = new Set(investigationKindsIn('kinds', o.kinds));
  const types = typesIn(o.linkTypes);
  const seeds = [...new Set(o.seeds)];
  const seedEntities = await existing(ctx, 'seeds', seeds);
  const followed = traversableRelationships(model, types).length > 0;

  const distance = new Map<string, number>(seeds.map((id) => [id, 0]));
  const refs = new Map<string, string>(seeds.map((id) => [id, seedEntities.get(id)!.ref]));
  if (followed) {
    const perSeed = await Promise.all(
      seeds.map((seed) => ctx.session.read(ctx.statements.expandReach(kindNameOfId(seed)!, depth, types), { seed })),
    );
    for (const row of perSeed.flat()) {
      const id = String(row['id']);
      distance.set(id, Math.min(distance.get(id) ?? Infinity, Number(row['d'])));
      refs.set(id, refKey(row['ref']));
    }
  }
  const seedSet = new Set(seeds);
  const reached = [...distance]
    .filter(([id]) => !seedSet.has(id) && kinds.has(kindNameOfId(id) ?? ''))
    .sort(([a, da], [b, db]) => da - db || byId(a, b))
    .map(([id]) => id);
  const kept = reached.slice(0, limit);
  const keep = [...seeds, ...kept];
  const inner = followed ? keep.filter((id) => distance.get(id)! < depth) : [];
  const keptByRef = new Map(keep.map((id) => [refs.get(id)!, id]));
  const [entities, found] = await Promise.all([fetchEntities(ctx, kept), linksAmong(ctx, inner, keptByRef, types)]);
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
    truncated: truncation('limit', limit, reached.length - kept.length),
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
