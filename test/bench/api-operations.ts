/**
 * What the API benchmark times (issue 3, item 6): `neighbourhood` at depth 2 from typical entities and
 * from hubs, and `paths` from call centres (the ring) and from victims to the crime group, through HTTP,
 * each beside the store call the resolver makes for the same work. The documents select what the web
 * canvas selects (web/src/api/wire.ts: entities, links with their ends, bounds hit, rollups), with the
 * API's default bounds (operations.ts).
 */
import type { GraphStore } from '@ringtrace/server/store/port.js';
import type { ApiClient } from './api-server.js';
import { API_DEFAULTS, type Bounds } from './operations.js';
import type { Picks, Seeded } from './pick-seeds.js';

const SUBGRAPH = `
  entities { id kind caption properties }
  links { id type properties from { id } to { id } }
  truncated { bound value omitted }
  rollups { type from { id } to { id } count totals { asset amount } firstAt lastAt linkIds }
`;

const NEIGHBOURHOOD = `query Neighbourhood($ids: [ID!]!, $depth: Int!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: $depth, limit: $limit) { ${SUBGRAPH} }
}`;

const PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int!, $limit: Int!) {
  paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit) {
    paths { entityIds linkIds hops }
    subgraph { ${SUBGRAPH} }
  }
}`;

export interface ApiCase {
  readonly label: string;
  readonly api: (client: ApiClient) => Promise<Record<string, unknown>>;
  /** The store call the resolver makes for the same request. */
  readonly store: (store: GraphStore) => Promise<unknown>;
  /** What one API answer held, for the results file. */
  readonly describe: (data: Record<string, unknown>) => string;
}

export interface ApiOperation {
  readonly name: string;
  /** The ring -> crime group `paths` p95 target applies (call centres to the group). */
  readonly ring?: boolean;
  readonly cases: ApiCase[];
}

interface WireSubgraph {
  entities: unknown[];
  links: unknown[];
  truncated: { bound: string; omitted: number }[];
}

const describeSubgraph = (s: WireSubgraph) => {
  const cut = s.truncated.map((t) => `, ${t.omitted} more (${t.bound})`).join('');
  return `${s.entities.length} entities, ${s.links.length} links${cut}`;
};

const neighbourhoodCases = (seeds: readonly Seeded[], depth: number, b: Bounds): ApiCase[] =>
  seeds.map((s) => ({
    label: `${s.id} (degree ${s.degree})`,
    api: (client) => client.post(NEIGHBOURHOOD, { ids: [s.id], depth, limit: b.expandLimit }),
    store: (store) => store.expand({ seeds: [s.id], depth, limit: b.expandLimit }),
    describe: (data) => describeSubgraph(data['neighbourhood'] as WireSubgraph),
  }));

const pathCases = (from: readonly Seeded[], to: Seeded, b: Bounds): ApiCase[] =>
  from.map((f) => ({
    label: `${f.id} -> ${to.id}`,
    api: (client) => client.post(PATHS, { from: f.id, to: to.id, maxHops: b.maxHops, limit: b.pathLimit }),
    store: (store) => store.shortestPaths({ from: f.id, to: to.id, maxHops: b.maxHops, limit: b.pathLimit }),
    describe: (data) => {
      const p = data['paths'] as { paths: { hops: number }[]; subgraph: WireSubgraph };
      return `${p.paths.length} paths of ${p.paths[0]?.hops ?? 0} hops; ${describeSubgraph(p.subgraph)}`;
    },
  }));

export function apiOperations(picks: Picks, b: Bounds = API_DEFAULTS): ApiOperation[] {
  return [
    { name: 'neighbourhood 2-hop typical', cases: neighbourhoodCases(picks.typical, 2, b) },
    { name: 'neighbourhood 2-hop hub', cases: neighbourhoodCases(picks.hubs, 2, b) },
    { name: 'paths centre -> group', ring: true, cases: pathCases(picks.centres, picks.group, b) },
    { name: 'paths victim -> group', cases: pathCases(picks.victims, picks.group, b) },
  ];
}
