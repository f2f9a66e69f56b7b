/**
 * The smallest subgraph linking several seeds, approximated the way Steiner trees usually are: start
 * from the two seeds closest to each other, then repeatedly join the seed nearest to what is already
 * connected by the shortest way in. Distances come from pairwise shortest paths through the store
 * (seeds are few: at most BOUNDS.networkSeeds, so at most 45 path queries); a path to a connected seed
 * is cut where it first touches the tree, which is the way in from that side. Seeds no path of at most
 * `maxHops` reaches are reported, not dropped silently.
 */
import type { Entity, Link, Path } from '../graph.js';
import { BOUNDS, existingEntities, idsIn, integerIn } from './arguments.js';
import type { GraphReader } from './graph-reader.js';
import type { BoundedSubgraph } from './read-graph.js';

export interface ConnectingNetwork {
  readonly subgraph: BoundedSubgraph;
  /** The path segments that were added, one per joined seed. */
  readonly paths: readonly Path[];
  readonly unconnected: readonly string[];
}

interface Pair {
  readonly path: Path;
  readonly entities: readonly Entity[];
  readonly links: readonly Link[];
}

const reversed = (p: Path): Path => ({ entityIds: [...p.entityIds].reverse(), linkIds: [...p.linkIds].reverse() });

/** The part of `path` (from a new seed towards the tree) up to the first entity already in the tree. */
function wayIn(path: Path, tree: ReadonlySet<string>): Path {
  const at = path.entityIds.findIndex((id) => tree.has(id));
  return { entityIds: path.entityIds.slice(0, at + 1), linkIds: path.linkIds.slice(0, at) };
}

export async function connectingNetwork(
  store: GraphReader,
  args: { readonly ids: readonly string[]; readonly maxHops: number },
): Promise<ConnectingNetwork> {
  const seeds = idsIn('ids', args.ids, BOUNDS.networkSeeds);
  const maxHops = integerIn('maxHops', args.maxHops, BOUNDS.maxHops);
  const seedEntities = await existingEntities(store, seeds);

  // One shortest path per pair (a stable first one: the store sorts them), keyed "i|j" with i < j.
  const pairs = new Map<string, Pair>();
  const jobs: Promise<void>[] = [];
  for (let i = 0; i < seeds.length; i++)
    for (let j = i + 1; j < seeds.length; j++)
      jobs.push(
        store.shortestPaths({ from: seeds[i]!, to: seeds[j]!, maxHops, limit: 1 }).then((r) => {
          const [path] = r.paths;
          if (path) pairs.set(`${i}|${j}`, { path, entities: r.entities, links: r.links });
        }),
      );
  await Promise.all(jobs);
  /** The path from seed a to seed b, oriented a -> b. */
  const between = (a: number, b: number): Path | undefined => {
    const pair = pairs.get(a < b ? `${a}|${b}` : `${b}|${a}`);
    return pair && (a < b ? pair.path : reversed(pair.path));
  };

  const entities = new Map<string, Entity>(seedEntities.map((e) => [e.id, e]));
  for (const pair of pairs.values()) for (const e of pair.entities) entities.set(e.id, e);
  const links = new Map<string, Link>();
  for (const pair of pairs.values()) for (const l of pair.links) links.set(l.id, l);

  const tree = new Set<string>();
  const treeLinks = new Set<string>();
  const added: Path[] = [];
  const joined = new Set<number>();
  const join = (seed: number, path: Path | undefined) => {
    joined.add(seed);
    tree.add(seeds[seed]!);
    if (!path || path.linkIds.length === 0) return;
    added.push(path);
    for (const id of path.entityIds) tree.add(id);
    for (const id of path.linkIds) treeLinks.add(id);
  };

  // Start from the closest pair; without any pair connected, the first seed alone.
  let start: [number, number] | undefined;
  for (const [key, pair] of pairs) {
    const best = start && between(start[0], start[1])!;
    if (!best || pair.path.linkIds.length < best.linkIds.length) start = key.split('|').map(Number) as [number, number];
  }
  if (start) {
    join(start[0], undefined);
    join(start[1], between(start[0], start[1]));
  } else join(0, undefined);

  for (;;) {
    let best: { seed: number; path: Path } | undefined;
    for (let s = 0; s < seeds.length; s++) {
      if (joined.has(s)) continue;
      for (const t of joined) {
        const path = between(s, t);
        if (!path) continue;
        const way = wayIn(path, tree);
        if (!best || way.linkIds.length < best.path.linkIds.length) best = { seed: s, path: way };
      }
    }
    if (!best) break;
    join(best.seed, best.path);
  }

  const unconnected = seeds.filter((_, i) => !joined.has(i));
  return {
    subgraph: {
      entities: [...tree].flatMap((id) => entities.get(id) ?? []),
      links: [...treeLinks].flatMap((id) => links.get(id) ?? []),
      // Seeds left out because no path of at most maxHops reaches them: the bound hit, reported.
      truncated: unconnected.length > 0 ? [{ bound: 'maxHops', value: maxHops, omitted: unconnected.length }] : [],
    },
    paths: added,
    unconnected,
  };
}
