/**
 * What the load benchmark's clients ask about, drawn from the loaded case with a seeded random source
 * (the same case and seed give the same picks): ids to expand (typical entities and the hubs), path ends
 * (call centres of the biggest crime group, victims) and captions to type into the search box.
 */
import { Rng } from '@ringtrace/seed/lib/rng.js';
import { investigationKinds } from '@ringtrace/server/domain/model/index.js';
import type { DirectPool } from '../engine.js';
import { pickSeeds, type Seeded } from '../pick-seeds.js';

export interface LoadPicks {
  /** Entities of ordinary degree (25th to 75th percentile): what an investigator usually expands. */
  readonly typical: string[];
  /** The most linked entity of the three kinds with the biggest hubs: the cap of 100 applies. */
  readonly hubs: Seeded[];
  /** Call centres controlled by the biggest crime group: the ring -> crime group question. */
  readonly centres: string[];
  readonly victims: string[];
  readonly group: string;
  /** Captions of random entities of every investigation kind, for typeahead prefixes. */
  readonly captions: string[];
}

export interface LoadPickOptions {
  readonly seed: number;
  readonly typical: number;
  readonly pathEnds: number;
  readonly captions: number;
}

async function captionsOf(pool: DirectPool, rng: Rng, count: number): Promise<string[]> {
  const all: string[] = [];
  for (const kind of investigationKinds()) {
    const rows = await pool.run(`MATCH (n:\`${kind.name}\`) RETURN n.caption AS caption ORDER BY n.id`);
    for (const r of rows) if (typeof r['caption'] === 'string' && r['caption'].length >= 3) all.push(r['caption']);
  }
  return rng.sample(all, count);
}

export async function pickLoad(pool: DirectPool, o: LoadPickOptions): Promise<LoadPicks> {
  const picks = await pickSeeds(pool, { seed: o.seed, typical: o.typical, hubs: 3, pathEnds: o.pathEnds });
  return {
    typical: picks.typical.map((s) => s.id),
    hubs: picks.hubs,
    centres: picks.centres.map((s) => s.id),
    victims: picks.victims.map((s) => s.id),
    group: picks.group.id,
    captions: await captionsOf(pool, new Rng(o.seed + 1), o.captions),
  };
}
