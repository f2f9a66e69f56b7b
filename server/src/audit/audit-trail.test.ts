import { readFile, writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditTrail } from './audit-trail.js';
import { runTsx } from '../testing/run-tsx.js';
import { GENESIS, entryHash, type AuditEntry } from './entry.js';
import { REMOVED } from './scrub.js';
import { event, openTrail, tempDataDir } from './test-support.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(() => data.dispose());

const lines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditEntry);

describe('the audit trail', () => {
  it('chains entries: seq from 1, each prev the hash before, each hash over prev and the entry', async () => {
    const trail = openTrail(data.dir);
    for (let i = 0; i < 5; i++) trail.record(event(`Op${i}`, { i }));
    await trail.close();
    const entries = await lines(trail.paths.trail);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prev).toBe(GENESIS);
    for (const [i, e] of entries.entries()) {
      if (i > 0) expect(e.prev).toBe(entries[i - 1]!.hash);
      expect(e.hash).toBe(entryHash(e as unknown as Record<string, unknown>));
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(e).toMatchObject({ who: { name: 'alice', role: 'admin' }, action: { name: `Op${i}`, variables: { i } } });
    }
    expect(JSON.parse(await readFile(trail.paths.head, 'utf8'))).toEqual({ seq: 5, hash: entries[4]!.hash });
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 5, problem: null });
  });

  it('never writes a secret: variables are scrubbed when recorded', async () => {
    const trail = openTrail(data.dir);
    const secret = `rt_0123456789abcdef_${'s'.repeat(43)}`;
    trail.record(event('CreateToken', { name: 'ci', token: secret, note: `use ${secret}` }));
    await trail.close();
    const text = await readFile(trail.paths.trail, 'utf8');
    expect(text).not.toContain('s'.repeat(43));
    expect((await lines(trail.paths.trail))[0]!.action.variables).toEqual({
      name: 'ci',
      token: REMOVED,
      note: `use rt_0123456789abcdef_${REMOVED}`,
    });
  });

  it('records without waiting and writes in batches (one flush, many entries)', async () => {
    const trail = openTrail(data.dir, { flushMs: 10_000 });
    for (let i = 0; i < 1200; i++) trail.record(event('Many'));
    // Nothing waits for the disk: the timer has not fired, a full batch may have started.
    await trail.flush();
    expect((await lines(trail.paths.trail)).length).toBe(1200);
    await trail.close();
  });

  it('reads pages with filters, after a seq, and says when there is more', async () => {
    const trail = openTrail(data.dir);
    for (let i = 0; i < 10; i++) {
      trail.record({ ...event(i % 2 ? 'Search' : 'POST /import'), ...(i === 3 && { who: null }) });
    }
    const page = await trail.read({ first: 3, action: 'search' });
    expect(page.entries.map((e) => e.seq)).toEqual([2, 4, 6]);
    expect(page).toMatchObject({ hasMore: true, nextAfter: 6, firstCapped: false });
    expect(await trail.read({ after: 6, action: 'search' })).toMatchObject({ hasMore: false, nextAfter: null });
    expect((await trail.read({ after: 6, action: 'search' })).entries.map((e) => e.seq)).toEqual([8, 10]);
    expect((await trail.read({ who: 'anonymous' })).entries.map((e) => e.seq)).toEqual([4]);
    expect((await trail.read({ first: 5000 })).firstCapped).toBe(true);
    await trail.close();
  });

  it('keeps entries queued when a write fails, and writes them once it can', async () => {
    // The audit directory's place is taken by a file: every write fails.
    await writeFile(`${data.dir}/audit`, 'not a directory');
    const trail = openTrail(data.dir, { flushMs: 1 });
    trail.record(event('First'));
    await expect(trail.flush()).rejects.toThrow();
    trail.record(event('Second'));
    const { rm } = await import('node:fs/promises');
    await rm(`${data.dir}/audit`);
    await trail.flush();
    expect((await lines(trail.paths.trail)).map((e) => e.action.name)).toEqual(['First', 'Second']);
    await trail.close();
  });

  it('past the queue bound drops new entries, logs it, and writes the count into the trail once it can', async () => {
    await writeFile(`${data.dir}/audit`, 'not a directory');
    const logged: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
    const trail = openAuditTrail({ dataDir: data.dir, logger, flushMs: 60_000, maxQueued: 3 });
    for (let i = 0; i < 5; i++) trail.record(event(`Kept or dropped ${i}`));
    await expect(trail.flush()).rejects.toThrow();
    expect(logged.some((l) => l.includes('AUDIT QUEUE FULL'))).toBe(true);
    expect(logged.some((l) => l.includes('AUDIT TRAIL WRITE FAILED'))).toBe(true);
    const { rm } = await import('node:fs/promises');
    await rm(`${data.dir}/audit`);
    await trail.close();
    const entries = await lines(trail.paths.trail);
    expect(entries.map((e) => [e.action.kind, e.action.name, e.size.items])).toEqual([
      ['audit', 'entries dropped', 2],
      ['graphql', 'Kept or dropped 0', 1],
      ['graphql', 'Kept or dropped 1', 1],
      ['graphql', 'Kept or dropped 2', 1],
    ]);
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 4 });
  });

  it('two trails on one directory append interleaved into one chain', async () => {
    const a = openTrail(data.dir, { flushMs: 1, batchMax: 7 });
    const b = openTrail(data.dir, { flushMs: 1, batchMax: 5 });
    const produce = async (trail: typeof a, prefix: string) => {
      for (let i = 0; i < 300; i++) {
        trail.record(event(`${prefix}${i}`));
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 1));
      }
    };
    await Promise.all([produce(a, 'a'), produce(b, 'b')]);
    await Promise.all([a.close(), b.close()]);
    const entries = await lines(a.paths.trail);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const names = entries.map((e) => e.action.name);
    // Each trail's own entries keep their order; both wrote between the other's batches.
    expect(names.filter((n) => n.startsWith('a'))).toEqual(Array.from({ length: 300 }, (_, i) => `a${i}`));
    expect(names.filter((n) => n.startsWith('b'))).toEqual(Array.from({ length: 300 }, (_, i) => `b${i}`));
    const switches = names.filter((n, i) => i > 0 && n[0] !== names[i - 1]![0]).length;
    expect(switches).toBeGreaterThanOrEqual(3);
    expect(await a.verify()).toMatchObject({ ok: true, entries: 600 });
  });

  it('a child process and this one append at the same time: one chain, nothing lost', async () => {
    let done = false;
    const child = runTsx('src/audit/test-support-append.ts', [data.dir, 'child', '400']).finally(() => (done = true));
    const trail = openTrail(data.dir, { flushMs: 1, batchMax: 3 });
    let mine = 0;
    // This process keeps appending for as long as the child runs (its start takes a while).
    while (!done) {
      trail.record(event(`parent${mine++}`));
      if (mine % 4 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await trail.close();
    const run = await child;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const entries = await lines(trail.paths.trail);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 400 + mine }, (_, i) => i + 1));
    const names = entries.map((e) => e.action.name);
    expect(names.filter((n) => n.startsWith('child'))).toEqual(Array.from({ length: 400 }, (_, i) => `child${i}`));
    // They really overlapped: some of this process's entries sit between the child's first and last.
    const between = names.slice(names.indexOf('child0'), names.indexOf('child399'));
    expect(between.some((n) => n.startsWith('parent'))).toBe(true);
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 400 + mine });
  }, 60_000);
});
