/**
 * What the benchmark times: the store's expand at depth 1, 2 and 3 from typical entities and from hubs,
 * and shortest paths from victims and from call centres to the crime group, with the API's default
 * bounds (neighbourhood limit 100; paths maxHops 6, limit 10: server/src/graphql/schema/subgraph.graphql).
 */
import type { GraphStore, PathResult, Subgraph } from '@ringtrace/server/store/port.js';
import type { Picks, Seeded } from './pick-seeds.js';

export interface Bounds {
  readonly expandLimit: number;
  readonly maxHops: number;
  readonly pathLimit: number;
}

export const API_DEFAULTS: Bounds = { expandLimit: 100, maxHops: 6, pathLimit: 10 };

export interface Case {
  /** The seed, or the two ends of a path. */
  readonly label: string;
  readonly run: (store: GraphStore) => Promise<unknown>;
  /** What one answer held, for the results file. */
  readonly describe: (answer: unknown) => string;
}

export interface Operation {
  readonly name: string;
  /** Expansion depth (undefined for paths): the 2-hop latency target applies to depth 2. */
  readonly depth?: number;
  readonly cases: Case[];
}

const describeSubgraph = (answer: unknown) => {
  const s = answer as Subgraph;
  const cut = s.truncated ? `, ${s.truncated.omitted} more reached` : '';
  return `${s.entities.length} entities, ${s.links.length} links${cut}`;
};

const describePaths = (answer: unknown) => {
  const p = answer as PathResult;
  const hops = p.paths[0] ? p.paths[0].entityIds.length - 1 : 0;
  const cut = p.truncated ? ` (+${p.truncated.omitted})` : '';
  return `${p.paths.length}${cut} paths of ${hops} hops`;
};

const expandCases = (seeds: readonly Seeded[], depth: number, limit: number): Case[] =>
  seeds.map((s) => ({
    label: `${s.id} (degree ${s.degree})`,
    run: (store) => store.expand({ seeds: [s.id], depth, limit }),
    describe: describeSubgraph,
  }));

const pathCases = (from: readonly Seeded[], to: Seeded, b: Bounds): Case[] =>
  from.map((f) => ({
    label: `${f.id} -> ${to.id}`,
    run: (store) => store.shortestPaths({ from: f.id, to: to.id, maxHops: b.maxHops, limit: b.pathLimit }),
    describe: describePaths,
  }));

export function operations(picks: Picks, b: Bounds = API_DEFAULTS): Operation[] {
  const out: Operation[] = [];
  for (const depth of [1, 2, 3]) {
    out.push({ name: `expand ${depth}-hop typical`, depth, cases: expandCases(picks.typical, depth, b.expandLimit) });
    out.push({ name: `expand ${depth}-hop hub`, depth, cases: expandCases(picks.hubs, depth, b.expandLimit) });
  }
  out.push({ name: 'paths victim -> group', cases: pathCases(picks.victims, picks.group, b) });
  out.push({ name: 'paths centre -> group', cases: pathCases(picks.centres, picks.group, b) });
  return out;
}
