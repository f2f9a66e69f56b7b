/**
 * The seed entities the benchmark expands from and the path ends, chosen from the loaded store by degree
 * with a seeded random source: the same case and seed give the same picks.
 * - hubs: the highest-degree entity of each of the `hubs` kinds whose top entity has the most links
 *   (a hub wallet, a hub phone line, a big country: different shapes of hub, not three wallets);
 * - typical: entities drawn among those whose degree lies between the 25th and 75th percentile;
 * - path ends: victims drawn at random and call centres controlled by the crime group with the most links.
 */
import { Rng } from '@ringtrace/seed/lib/rng.js';
import { investigationKinds } from '@ringtrace/server/domain/model/index.js';
import type { DirectPool } from './engine.js';
import { percentile } from './stats.js';

export interface Seeded {
  readonly id: string;
  readonly degree: number;
}

export interface Picks {
  readonly typical: Seeded[];
  readonly hubs: Seeded[];
  readonly victims: Seeded[];
  readonly centres: Seeded[];
  readonly group: Seeded;
}

export interface PickOptions {
  readonly seed: number;
  readonly typical: number;
  readonly hubs: number;
  readonly pathEnds: number;
}

const byId = (a: Seeded, b: Seeded) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byDegree = (a: Seeded, b: Seeded) => b.degree - a.degree || byId(a, b);

/** Every entity of a kind with at least one link, and its number of links. Bench-only Cypher. */
async function degrees(pool: DirectPool, kind: string): Promise<Seeded[]> {
  const rows = await pool.run(`MATCH (n:\`${kind}\`)-[r]-() RETURN n.id AS id, count(r) AS degree`);
  return rows.map((r) => ({ id: String(r['id']), degree: Number(r['degree']) })).sort(byId);
}

export async function pickSeeds(pool: DirectPool, o: PickOptions): Promise<Picks> {
  const rng = new Rng(o.seed);
  const perKind = new Map<string, Seeded[]>();
  for (const kind of investigationKinds()) perKind.set(kind.name, await degrees(pool, kind.name));
  const all = [...perKind.values()].flat().sort(byId);
  const degreesAll = all.map((e) => e.degree);
  const low = percentile(degreesAll, 0.25);
  const high = percentile(degreesAll, 0.75);
  const typical = rng.sample(
    all.filter((e) => e.degree >= low && e.degree <= high),
    o.typical,
  );
  const hubs = [...perKind.values()]
    .flatMap((list) => (list.length > 0 ? [[...list].sort(byDegree)[0]!] : []))
    .sort(byDegree)
    .slice(0, o.hubs);
  const group = [...(perKind.get('CrimeGroup') ?? [])].sort(byDegree)[0];
  if (!group) throw new Error('the case has no crime group to find paths to');
  const controlled = new Set(
    (
      await pool.run('MATCH (g:CrimeGroup {id: $id})-[:CONTROLS]->(c:CallCentre) RETURN c.id AS id', { id: group.id })
    ).map((r) => String(r['id'])),
  );
  const centres = rng.sample(
    (perKind.get('CallCentre') ?? []).filter((c) => controlled.has(c.id)),
    o.pathEnds,
  );
  const victims = rng.sample(perKind.get('Victim') ?? [], o.pathEnds);
  return { typical, hubs, victims, centres, group };
}
