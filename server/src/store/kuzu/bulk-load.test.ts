/**
 * The embedded engine's bulk load: new links are held back in files and COPYed once at `finish`; a link
 * asserted again after it was held back (other values, or the same ones) merges with it then, in order;
 * `discard` drops what was held back. Compared with plain writes of the same batches.
 */
import { describe, expect, it } from 'vitest';
import type { LinkWrite, WriteBatch } from '../../domain/graph.js';
import { dumpGraph } from '../../ingest/import/test-support/graph-dump.js';
import { tempStore } from '../../ingest/import/test-support/temp-store.js';

const sha = 'c'.repeat(64);
const src = (line: number) => ({ sha256: sha, locator: `line:${line}` });
const N = 250; // above the COPY threshold of a pair

const phone = (i: number) => ({
  id: `phone:+7495000${String(i).padStart(4, '0')}`,
  kind: 'PhoneNumber',
  caption: `+7495000${i}`,
  searchText: `+7495000${i}`,
  properties: { number: `+7495000${String(i).padStart(4, '0')}` },
  source: src(i + 2),
});
const victim = (i: number) => ({
  id: `victim:bulk-${i}`,
  kind: 'Victim',
  caption: `victim ${i}`,
  searchText: `victim ${i}`,
  properties: { name: `victim ${i}` },
  source: src(i + 2),
});
const call = (i: number, durationSeconds: number, line: number): LinkWrite => ({
  id: `link:CALLED:${i.toString(16).padStart(16, '0')}`,
  type: 'CALLED',
  from: phone(i % 7).id,
  to: victim(i).id,
  properties: { at: '2025-02-01T10:00:00.000Z', durationSeconds },
  source: src(line),
});

const batches = (): WriteBatch[] => [
  {
    entities: [...Array.from({ length: 7 }, (_, i) => phone(i)), ...Array.from({ length: N }, (_, i) => victim(i))],
    links: Array.from({ length: N }, (_, i) => call(i, 60, i + 2)),
  },
  // Asserted again: call 0 with another duration, call 1 as it was; then call 0 once more.
  { entities: [], links: [call(0, 61, 900), call(1, 60, 901)] },
  { entities: [], links: [call(0, 62, 902)] },
];

describe('a bulk load on the embedded engine', () => {
  it('holds new links back until finish, then stores what plain writes store', async () => {
    const [bulk, plain] = [await tempStore(), await tempStore()];
    try {
      const load = bulk.store.bulkLoad!();
      const options = { keepText: true, oneCitationPerFile: true };
      const written = [];
      for (const b of batches()) written.push(await load.write(b, options));
      expect(written[0]!.links.created).toBe(N);
      expect(await bulk.store.getLinks([call(5, 60, 0).id])).toEqual([]); // held back
      const finished = await load.finish();
      expect(finished.links).toEqual({ created: 0, updated: 2, unchanged: 1 });
      for (const b of batches()) await plain.store.write(b, options);
      expect(await dumpGraph(bulk.store)).toEqual(await dumpGraph(plain.store));
      const [first] = await bulk.store.getLinks([call(0, 0, 0).id]);
      expect(first!.properties['durationSeconds']).toBe(62);
      expect(first!.sources).toEqual([src(2), src(900), src(902)]);
    } finally {
      await bulk.dispose();
      await plain.dispose();
    }
  });

  it('refuses a link whose end a fresh table lacks, knowing it without a lookup', async () => {
    const { store, dispose } = await tempStore();
    try {
      const load = store.bulkLoad!();
      await load.write(batches()[0]!, {});
      // Both tables were empty when the load began: only what it created exists (fresh-tables.ts).
      const stray = { ...call(3, 60, 5), id: 'link:CALLED:stray', to: victim(N + 1).id };
      await expect(load.write({ entities: [], links: [stray] }, {})).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { id: victim(N + 1).id },
      });
      await load.write({ entities: [], links: [{ ...call(3, 60, 5), id: 'link:CALLED:later' }] }, {});
      expect((await load.finish()).links).toEqual({ created: 0, updated: 0, unchanged: 0 });
      expect(await store.getLinks(['link:CALLED:later'])).toHaveLength(1);
    } finally {
      await dispose();
    }
  });

  it('drops what it held back when discarded', async () => {
    const { store, dispose } = await tempStore();
    try {
      const load = store.bulkLoad!();
      await load.write(batches()[0]!, {});
      await load.discard();
      expect((await dumpGraph(store)).links).toEqual([]);
      expect((await dumpGraph(store)).entities).toHaveLength(N + 7);
    } finally {
      await dispose();
    }
  });
});

describe('while a bulk load runs', () => {
  it('refuses other writes, retriably, and takes them again once it ends', async () => {
    const { store, dispose } = await tempStore();
    try {
      const load = store.bulkLoad!();
      await load.write(batches()[0]!, {});
      const refused = { code: 'UNAVAILABLE', retriable: true };
      await expect(store.write({ entities: [victim(9999)], links: [] })).rejects.toMatchObject(refused);
      await expect(store.removeEntities([victim(1).id])).rejects.toMatchObject(refused);
      expect(() => store.bulkLoad!()).toThrow(/bulk load/);
      await load.finish();
      expect((await store.write({ entities: [victim(9999)], links: [] })).entities.created).toBe(1);
    } finally {
      await dispose();
    }
  });
});
