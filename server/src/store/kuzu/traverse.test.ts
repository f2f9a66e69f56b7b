/**
 * The embedded expansion cuts the nearest entities in the engine, per seed, and counts what it leaves out
 * with a separate statement (one seed, or several seeds' distinct union). Whatever the limit, the answer
 * must be the start of the uncut answer, with the exact count of the rest: checked on the demo case for
 * hubs, single and several seeds, every depth and kind filters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR } from '@ringtrace/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseBundle } from '../../ingest/case-bundle/index.js';
import type { GraphStore, Subgraph } from '../port.js';
import { MAX_EXPAND_LIMIT } from './traverse.js';
import { createKuzuStore } from './kuzu-store.js';

let dir: string;
let store: GraphStore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-traverse-'));
  store = createKuzuStore({ path: join(dir, 'demo.kuzu'), bufferPoolBytes: 256 * 1024 * 1024, readConnections: 2 });
  await store.init();
  await loadCaseBundle(store, DEMO_DIR, { loadedBy: 'traverse-test' });
}, 120_000);
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const SEED_SETS = [
  ['crimegroup:khimprom'],
  ['phone:+79165550003'],
  ['victim:v-0254'],
  ['victim:v-0254', 'victim:v-0001'],
  ['wallet:eth:0xc1b31b9b80a48bbd2f3940348a67622498eed1c9', 'crimegroup:khimprom', 'victim:v-0001'],
];
// Victims only: a seed (victim:v-0001) then takes a place in another seed's list, which the cut must allow for.
const KINDS = [undefined, ['Victim']];
const ids = (g: Subgraph) => g.entities.map((e) => e.id);
const linkIds = (g: Subgraph) => g.links.map((l) => l.id).sort();

describe('embedded expansion, cut in the engine', () => {
  it('gives the start of the uncut answer and the exact count of the rest, for every limit', async () => {
    let cut = 0;
    for (const seeds of SEED_SETS) {
      for (const depth of [1, 2, 3]) {
        for (const kinds of KINDS) {
          const base = { seeds, depth, ...(kinds && { kinds }) };
          const all = await store.expand({ ...base, limit: MAX_EXPAND_LIMIT });
          const where = `${seeds.join('+')} depth ${depth} kinds ${kinds?.join(',') ?? 'all'}`;
          expect(all.truncated, where).toBeNull();
          const reached = all.entities.length - seeds.length;
          for (const limit of [0, 1, 7, 40, reached]) {
            const g = await store.expand({ ...base, limit });
            const kept = ids(all).slice(0, seeds.length + limit);
            expect(ids(g), `${where} limit ${limit}`).toEqual(kept);
            const omitted = reached - Math.min(limit, reached);
            expect(g.truncated, `${where} limit ${limit}`).toEqual(
              omitted > 0 ? { bound: 'limit', value: limit, omitted } : null,
            );
            const keptSet = new Set(kept);
            const among = all.links.filter((l) => keptSet.has(l.from) && keptSet.has(l.to)).map((l) => l.id);
            expect(linkIds(g), `${where} limit ${limit}`).toEqual(among.sort());
            if (omitted > 0) cut++;
          }
        }
      }
    }
    // The cases above do cut: hubs and several seeds alike.
    expect(cut).toBeGreaterThan(50);
  }, 120_000);

  it('gives every link between kept entities with an end short of the depth, as each one-hop expansion sees it', async () => {
    for (const seeds of [SEED_SETS[0]!, SEED_SETS[4]!]) {
      const g = await store.expand({ seeds, depth: 2, limit: 60 });
      const kept = new Set(ids(g));
      // Inner: the seeds and the entities one hop from one of them.
      const one = await store.expand({ seeds, depth: 1, limit: MAX_EXPAND_LIMIT });
      const inner = ids(one).filter((id) => kept.has(id));
      const expected = new Set<string>();
      for (const id of inner) {
        const around = await store.expand({ seeds: [id], depth: 1, limit: MAX_EXPAND_LIMIT });
        for (const l of around.links) if (kept.has(l.from) && kept.has(l.to)) expected.add(l.id);
      }
      expect(linkIds(g), seeds.join('+')).toEqual([...expected].sort());
    }
  }, 120_000);
});
