/**
 * The full-text index quirk behind fts-repair.ts: the engine's behaviour as it is (so an upgrade that
 * fixes it shows), and the store's writes staying correct around it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database } from 'kuzu';
import { afterAll, describe, expect, it } from 'vitest';
import type { EntityWrite } from '../port.js';
import { createKuzuStore } from './kuzu-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ringtrace-fts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const COPY = "COPY V (id, t) FROM (UNWIND $rows AS r WITH r WHERE r.id <> '' RETURN r.id, r.t)";
const rows = (from: number, count: number, t: string) => [
  { id: '', t: '' },
  ...Array.from({ length: count }, (_, i) => ({ id: `x${from + i}`, t })),
];

describe('Kuzu 0.11.3 full-text index after a SET of the indexed column', () => {
  it('refuses a later COPY (duplicated primary key) until the index is rebuilt, even after a reopen', async () => {
    const path = join(dir, `q-${++n}.kuzu`);
    let db = new Database(path, 64 * 1024 * 1024);
    let c = new Connection(db);
    const q = async (text: string, params?: Record<string, unknown>) => {
      const r = params ? await c.execute(await c.prepare(text), params as never) : await c.query(text);
      const results = Array.isArray(r) ? r : [r];
      try {
        return results.flatMap((x) => x.getAllSync());
      } finally {
        for (const x of results) x.close();
      }
    };
    await q('CREATE NODE TABLE V (id STRING PRIMARY KEY, t STRING)');
    await q("CALL CREATE_FTS_INDEX('V', 'f', ['t'])");
    await q(COPY, { rows: rows(0, 50, 'alpha') });
    await q("MATCH (n:V {id: 'x3'}) SET n.t = 'beta'");
    await expect(q(COPY, { rows: rows(100, 5, 'gamma') })).rejects.toThrow(/Found duplicated primary key value 4/);
    await c.close();
    await db.close();
    db = new Database(path, 64 * 1024 * 1024);
    c = new Connection(db);
    await expect(q(COPY, { rows: rows(100, 5, 'gamma') })).rejects.toThrow(/duplicated primary key/);
    await q("CALL DROP_FTS_INDEX('V', 'f')");
    await q("CALL CREATE_FTS_INDEX('V', 'f', ['t'])");
    await q(COPY, { rows: rows(100, 5, 'gamma') });
    const hits = async (w: string) =>
      (await q("CALL QUERY_FTS_INDEX('V', 'f', $w) RETURN node.id AS id", { w })).length;
    expect([await hits('alpha'), await hits('beta'), await hits('gamma')]).toEqual([49, 1, 5]);
    await c.close();
    await db.close();
  });
});

describe('the store around it', () => {
  const source = { sha256: createHash('sha256').update('fts.csv').digest('hex'), locator: 'line:1' };
  const victim = (i: number, name = `Person ${'abcdefghij'[i % 10]}`): EntityWrite => ({
    id: `victim:f-${i}`,
    kind: 'Victim',
    properties: { name },
    caption: name,
    searchText: name.toLowerCase(),
    source,
  });

  it('keeps loading (COPY and CREATE) and searching after text updates, in one batch or across batches', async () => {
    const store = createKuzuStore({ path: join(dir, `s-${++n}.kuzu`), bufferPoolBytes: 128 * 1024 * 1024 });
    await store.init();
    try {
      await store.write({ entities: Array.from({ length: 400 }, (_, i) => victim(i)), links: [] });
      // One batch: a text update and 400 new ones (COPY) of the same kind.
      const mixed = [
        victim(3, 'Quentin Renamed'),
        ...Array.from({ length: 400 }, (_, i) => victim(1000 + i, 'Walrus Copied')),
      ];
      expect((await store.write({ entities: mixed, links: [] })).entities).toMatchObject({ created: 400, updated: 1 });
      // Across batches: a text update, then a COPY, then a CREATE.
      await store.write({ entities: [victim(4, 'Bertha Renamed')], links: [] });
      await store.write({
        entities: Array.from({ length: 400 }, (_, i) => victim(2000 + i, 'Zebra Copied')),
        links: [],
      });
      await store.write({ entities: [victim(9, 'Xaver Renamed')], links: [] });
      await store.write({ entities: [victim(3000, 'Yolanda Created')], links: [] });
      const hits = async (text: string) => (await store.search({ text, limit: 1000, offset: 0 })).total;
      expect(await hits('walrus')).toBe(400);
      expect(await hits('zebra')).toBe(400);
      const ids = async (text: string) =>
        (await store.search({ text, limit: 10, offset: 0 })).hits.map((h) => h.entity.id);
      expect(await ids('quentin')).toEqual(['victim:f-3']);
      expect(await ids('bertha')).toEqual(['victim:f-4']);
      expect(await ids('xaver')).toEqual(['victim:f-9']);
      expect(await ids('yolanda')).toEqual(['victim:f-3000']);
    } finally {
      await store.close();
    }
  });
});
