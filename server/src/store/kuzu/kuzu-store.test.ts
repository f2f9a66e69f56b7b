/** Behaviour of the embedded adapter beyond the port contract: loading paths, sharing, locking, reopening. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EntityWrite, LinkWrite } from '../port.js';
import { sharedCount } from './database-registry.js';
import { createKuzuStore } from './kuzu-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ringtrace-kuzu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const path = () => join(dir, `s-${++n}.kuzu`);
const open = async (p = path()) => {
  const store = createKuzuStore({ path: p, bufferPoolBytes: 128 * 1024 * 1024, readConnections: 2 });
  await store.init();
  return store;
};

const source = { sha256: createHash('sha256').update('bulk.csv').digest('hex'), locator: 'line:1' };
const victim = (i: number): EntityWrite => ({
  id: `victim:b-${i}`,
  kind: 'Victim',
  properties: { name: `Bulk Victim ${i}`, reportedLoss: `${i}.25` },
  caption: `Bulk Victim ${i}`,
  searchText: `bulk victim n${i}`,
  source,
});
const country: EntityWrite = {
  id: 'country:FR',
  kind: 'Country',
  properties: { code: 'FR' },
  caption: 'FR',
  searchText: 'fr',
  source,
};
const livesIn = (i: number, to = 'country:FR'): LinkWrite => ({
  id: `link:LIVES_IN:${createHash('sha256').update(`victim:b-${i}|${to}`).digest('hex').slice(0, 16)}`,
  type: 'LIVES_IN',
  from: `victim:b-${i}`,
  to,
  properties: {},
  source,
});
const range = (k: number) => Array.from({ length: k }, (_, i) => i);

describe('embedded store', () => {
  it('loads large batches with COPY, indexes them for search, and re-reads them by join', async () => {
    const store = await open();
    const batch = { entities: [country, ...range(500).map(victim)], links: range(500).map((i) => livesIn(i)) };
    expect(await store.write(batch)).toEqual({
      entities: { created: 501, updated: 0, unchanged: 0 },
      links: { created: 500, updated: 0, unchanged: 0 },
    });
    expect(await store.write(batch)).toEqual({
      entities: { created: 0, updated: 0, unchanged: 501 },
      links: { created: 0, updated: 0, unchanged: 500 },
    });
    const hits = await store.search({ text: 'n437', limit: 5, offset: 0 });
    expect(hits.hits.map((h) => h.entity.id)).toEqual(['victim:b-437']);
    expect((await store.countByLinkType())['LIVES_IN']).toBe(500);
    const [v] = await store.getEntities(['victim:b-499']);
    expect(v!.properties).toEqual({ name: 'Bulk Victim 499', reportedLoss: '499.25' });
    await store.close();
  });

  it('answers wildcard searches, many at once, on its one-thread search connections, plain ones beside them', async () => {
    // Kuzu 0.11.3 matches wildcard terms on several threads writing one map: on a multi-threaded connection
    // this failed within the first rounds ("Unexpected error", then a query spinning forever).
    const store = await open();
    // Enough distinct terms (n0 .. n5999) for the match to be split between threads.
    await store.write({ entities: [country, ...range(6000).map(victim)], links: [] });
    // Plain terms among them: those stay on the multi-threaded readers.
    const texts = ['*', 'n43*', 'bulk*', 'vic?im', 'n1* n2*', "LOAD FROM '/etc/passwd' RETURN *", 'n43', 'bulk victim'];
    for (let round = 0; round < 25; round++) {
      const answers = await Promise.all(texts.map((text) => store.search({ text, limit: 20, offset: 0 })));
      expect(answers.map((a) => a.total)).toEqual([6001, 111, 6000, 6000, 2222, 6001, 1, 6000]);
    }
    await store.close();
  }, 30_000);

  it('rolls back a COPY when a later part of the batch fails', async () => {
    const store = await open();
    await store.write({ entities: [country], links: [] });
    const bad = {
      entities: range(400).map(victim),
      links: [...range(400).map((i) => livesIn(i)), livesIn(0, 'country:XX')],
    };
    await expect(store.write(bad)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('country:XX'),
    });
    expect((await store.countByKind())['Victim']).toBe(0);
    expect(await store.search({ text: 'bulk', limit: 1, offset: 0 })).toEqual({ hits: [], total: 0 });
    await store.close();
  });

  it('queues concurrent writes instead of failing the second', async () => {
    const store = await open();
    const results = await Promise.all(range(8).map((i) => store.write({ entities: [victim(i)], links: [] })));
    expect(results.map((r) => r.entities.created)).toEqual(range(8).map(() => 1));
    await store.close();
  });

  it('shares one Database between stores on one file, closing it with the last', async () => {
    const p = path();
    const a = await open(p);
    const b = await open(p);
    expect(sharedCount(p)).toBe(2);
    await a.write({ entities: [victim(1)], links: [] });
    expect(await b.getEntities(['victim:b-1'])).toHaveLength(1);
    // Two stores, one writer: their writes queue together.
    const both = await Promise.all([a, b, a, b].map((s, i) => s.write({ entities: [victim(10 + i)], links: [] })));
    expect(both.map((r) => r.entities.created)).toEqual([1, 1, 1, 1]);
    await a.close();
    expect(sharedCount(p)).toBe(1);
    expect(await b.getEntities(['victim:b-1'])).toHaveLength(1);
    await b.close();
    expect(sharedCount(p)).toBe(0);
    await expect(b.getEntities(['victim:b-1'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('keeps data and schema across reopening, and init twice is harmless', async () => {
    const p = path();
    const first = await open(p);
    await first.write({ entities: [victim(7)], links: [] });
    await first.close();
    const again = await open(p);
    await again.init();
    expect((await again.getEntities(['victim:b-7']))[0]!.properties['name']).toBe('Bulk Victim 7');
    expect((await again.search({ text: 'n7', limit: 5, offset: 0 })).total).toBe(1);
    await again.close();
  });

  it('refuses to open a file another process holds, naming it in one line', async () => {
    const p = path();
    const kuzu = createRequire(import.meta.url).resolve('kuzu');
    const holder = spawn(process.execPath, [
      '-e',
      `const k = require(${JSON.stringify(kuzu)}); const db = new k.Database(${JSON.stringify(p)}, 64 * 1024 * 1024);
       const c = new k.Connection(db); c.query('RETURN 1').then((r) => { r.close(); console.log('ready'); });
       process.stdin.on('data', () => process.exit(0));`,
    ]);
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        holder.on('exit', () => reject(new Error('holder exited')));
      });
      const store = createKuzuStore({ path: p, bufferPoolBytes: 64 * 1024 * 1024 });
      const error = await store.init().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'UNAVAILABLE' });
      expect((error as Error).message).toBe(
        `embedded database ${p} is locked by another process (is a Ringtrace server running on it?)`,
      );
    } finally {
      holder.stdin.write('x');
      holder.kill();
    }
  });

  it('refuses bad options by name', () => {
    expect(() => createKuzuStore({ path: '' })).toThrow(/path/);
    expect(() => createKuzuStore({ path: path(), readConnections: 0 })).toThrow(/readConnections/);
  });
});
