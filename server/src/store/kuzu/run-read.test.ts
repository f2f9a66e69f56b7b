/**
 * The embedded adapter's raw reads: values as port cells, the row cap, the checks, and what happens to a
 * query past its timeout (measured: the interrupt stops a walk or a join near the deadline; evaluating
 * range() calls is not interruptible, so the answer comes at the deadline and the analyst connection
 * stays busy, apart, until the engine finishes).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../port.js';
import { createKuzuStore } from './kuzu-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ringtrace-run-read-'));
let store: GraphStore;
const source = { sha256: createHash('sha256').update('run-read').digest('hex'), locator: 'line:1' };
const read = (
  cypher: string,
  params: Record<string, unknown> = {},
  options: { rowCap?: number; timeoutMs?: number } = {},
) => store.runRead(cypher, params, { rowCap: 100, ...options });
interface Outcome {
  readonly value?: unknown;
  readonly error?: { readonly code?: string; readonly message: string };
  readonly ms: number;
}
const elapsed = async (work: Promise<unknown>): Promise<Outcome> => {
  const t0 = performance.now();
  const outcome = await work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as Outcome['error'] }),
  );
  return { ...outcome, ms: performance.now() - t0 };
};

/** Until both analyst connections are free: a runaway of the test before may still hold one. */
const untilFree = () =>
  expect
    .poll(
      () =>
        Promise.all([read('RETURN 1 AS one'), read('RETURN 1 AS one')]).then(
          () => true,
          () => false,
        ),
      {
        timeout: 15_000,
        interval: 100,
      },
    )
    .toBe(true);

beforeAll(async () => {
  store = createKuzuStore({ path: join(dir, 'g.kuzu'), bufferPoolBytes: 128 * 1024 * 1024, queryTimeoutMs: 5_000 });
  await store.init();
  await store.write({
    entities: [
      { id: 'victim:v-1', kind: 'Victim', properties: { name: 'Ann' }, caption: 'Ann', searchText: 'ann', source },
      {
        id: 'wallet:eth:0xab',
        kind: 'Wallet',
        properties: { address: '0xab' },
        caption: '0xab',
        searchText: '0xab',
        source,
      },
    ],
    links: [
      {
        id: 'link:PAID:0000000000000001',
        type: 'PAID',
        from: 'victim:v-1',
        to: 'wallet:eth:0xab',
        properties: { amount: '12.50', asset: 'ETH', at: '2025-02-01T10:11:12.000Z' },
        source,
      },
    ],
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded runRead', () => {
  it('gives columns and rows, nodes and links as their ids, paths as id lists, dates as text', async () => {
    const result = await read(
      `MATCH p = (v:Victim)-[r:PAID]->(w:Wallet)
       RETURN v AS victim, r AS payment, p AS path, r.at AS at, CAST(r.at AS DATE) AS day, sum(1) AS one,
              id(v) AS internal, [v.name, w.caption] AS names, {a: 1} AS map`,
    );
    expect(result.columns).toEqual(['victim', 'payment', 'path', 'at', 'day', 'one', 'internal', 'names', 'map']);
    expect(result.rows).toEqual([
      [
        'victim:v-1',
        'link:PAID:0000000000000001',
        { entityIds: ['victim:v-1', 'wallet:eth:0xab'], linkIds: ['link:PAID:0000000000000001'] },
        '2025-02-01T10:11:12.000Z',
        '2025-02-01',
        1,
        null,
        ['Ann', '0xab'],
        { a: 1 },
      ],
    ]);
    expect(result.truncated).toBeNull();
  });

  it('keeps rowCap rows and counts the rest', async () => {
    const result = await read('UNWIND range(1, 250) AS x RETURN x AS x', {}, { rowCap: 100 });
    expect(result.rows).toHaveLength(100);
    expect(result.rows[99]).toEqual([100]);
    expect(result.truncated).toEqual({ bound: 'rowCap', value: 100, omitted: 150 });
  });

  it('binds parameters and refuses missing, extra and unbindable ones', async () => {
    expect((await read('MATCH (v:Victim {id: $id}) RETURN v.name AS n', { id: 'victim:v-1' })).rows).toEqual([['Ann']]);
    await expect(read('MATCH (v:Victim {id: $id}) RETURN v.name AS n')).rejects.toThrow(
      /\$id is used by the query but not given/,
    );
    await expect(read('RETURN 1 AS x', { id: 'x' })).rejects.toThrow(/id is given but the query does not use \$id/);
    // A list of maps with a missing key kills Kuzu (SIGSEGV): refused before it reaches the engine.
    await expect(
      read('UNWIND $rows AS r RETURN r.a AS a', { rows: [{ a: 1, b: 'x' }, { a: 2 }] }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(read('UNWIND $l AS x RETURN x AS x', { l: [1, 2.5] })).rejects.toThrow(/mixes integer and number/);
  });

  it('refuses what the guard refuses and reports an engine error as the caller’s', async () => {
    await expect(read("COPY Victim TO '/tmp/x.csv'")).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(read('MATCH (v:Nope) RETURN v.id AS id')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^the query failed: Binder exception/),
    });
    await expect(read('RETURN 1 AS x', {}, { timeoutMs: 60_000 })).rejects.toThrow(
      /timeoutMs: must be a whole number from 1 to 5000/,
    );
  });

  it('stops an interruptible runaway (a join) near its timeout', async () => {
    const run = await elapsed(
      read(
        'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a + b = 3 RETURN count(*) AS n',
        {},
        { timeoutMs: 300 },
      ),
    );
    // Kuzu's interrupt lands 50 to 110 ms after the timeout (measured), inside the adapter's 200 ms grace,
    // unless the machine is busy: then the deadline answers first. Either way: TIMEOUT, soon after 300 ms.
    expect(run.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('300 ms timeout') });
    expect(run.ms).toBeLessThan(1_500);
  });

  it('answers TIMEOUT at the deadline of a query the engine cannot interrupt, and keeps answering others', async () => {
    // Sorting ten literal ranges is evaluated once, uninterruptibly: about 2.4 s here, far past a 100 ms timeout.
    const slow = `RETURN ${'size(list_sort(list_reverse(range(1, 100000)))) + '.repeat(10)}0 AS n`;
    await untilFree();
    const runaway = elapsed(read(slow, {}, { timeoutMs: 100 }));
    const other = await elapsed(read('RETURN 1 AS one'));
    const answered = await runaway;
    expect(answered.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('still stopping it') });
    expect(answered.ms).toBeLessThan(1_000);
    expect(other.value).toMatchObject({ rows: [[1]] });
    // The store's own reads never shared a connection with it.
    expect(await store.getEntities(['victim:v-1'])).toHaveLength(1);
  });

  it('refuses at once while every analyst connection is busy, and recovers when they finish', async () => {
    const slow = `RETURN ${'size(list_sort(list_reverse(range(1, 100000)))) + '.repeat(10)}0 AS n`;
    await untilFree();
    const runaways = [elapsed(read(slow, {}, { timeoutMs: 50 })), elapsed(read(slow, {}, { timeoutMs: 50 }))];
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await elapsed(read('RETURN 1 AS one'));
    expect(refused.error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^2 ad-hoc queries are still running/),
    });
    expect(refused.ms).toBeLessThan(100);
    expect(await store.countByKind()).toMatchObject({ Victim: 1 });
    for (const r of await Promise.all(runaways)) expect(r.error).toMatchObject({ code: 'TIMEOUT' });
    // The engine lets go once it has finished the sorts (about 2.4 s each, measured).
    await expect
      .poll(async () => (await read('RETURN 1 AS one').catch(() => null))?.rows, { timeout: 10_000, interval: 100 })
      .toEqual([[1]]);
  });
});
