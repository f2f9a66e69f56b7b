/**
 * Crash safety: the CLI loading a file is killed with SIGKILL at random moments while it loads (at least
 * ten times), then run to the end; the graph must be exactly the graph of one uninterrupted load of the
 * same file (compared as a canonical dump of every entity and link, sources in order), with one complete
 * run. Small scale: 4,000 rows. In the default batches of the embedded engine (one statement per fact) the
 * kills follow one another, each landing after some batches were written. With `--fast` (COPY of staged
 * files, links held back to the end) the whole load takes about a second, so each kill is a trial of its
 * own on a fresh database, at a random moment between the first rows read and a little past the end of
 * an uninterrupted fast load, COPYs included; each is run again to the end and compared.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import { tokenIn } from '../../testing/test-auth.js';
import { ended, runCli, startCli } from './test-support/cli-child.js';
import { COMPLAINT_HEADER, complaintRows } from './test-support/complaint-rows.js';
import { canonicalDump, dumpGraph, hashOf } from './test-support/graph-dump.js';

const ROWS = 4000;
const KILLS = 10;
let dir: string;
let file: string;
/** One loader token in both data directories (the same tokens.json), so both record the same loadedBy. */
let env: Record<string, string>;
/** The uninterrupted load both tests compare with. */
let baseline: Awaited<ReturnType<typeof runCli>>;

const args = (data: string, fast = false) => [
  'import',
  file,
  '--mapping',
  'victim-complaints',
  '--data',
  data,
  '--progress',
  'lines',
  ...(fast ? ['--fast'] : []),
];

async function graphOf(data: string) {
  const store = await openStore({ dataDir: join(dir, data), neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 30_000 });
  try {
    return await dumpGraph(store);
  } finally {
    await store.close();
  }
}

const FIRST_ROWS = /"type":"progress".*"rows":([1-9]\d{2,})/;

/** Resolves when the child has printed a progress line past the first rows (true), or ended first (false). */
function pastFirstRows(child: ReturnType<typeof startCli>, done: Promise<unknown>): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (FIRST_ROWS.test(seen)) resolve(true);
    });
    void done.then(() => resolve(false));
  });
}

/** Starts a load and kills it `delay()` ms after its first rows; false when it ended first. */
async function killMidLoad(data: string, delay: () => number, fast = false): Promise<boolean> {
  const child = startCli(args(data, fast), dir, env);
  const done = ended(child);
  if (!(await pastFirstRows(child, done))) return false;
  await new Promise((r) => setTimeout(r, delay()));
  const killed = child.kill('SIGKILL');
  const end = await done;
  return killed && end.signal === 'SIGKILL';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-kill-'));
  file = join(dir, 'complaints.csv');
  await writeFile(file, [COMPLAINT_HEADER, ...complaintRows(0, ROWS)].join('\n') + '\n');
  env = { RINGTRACE_TOKEN: await tokenIn(join(dir, 'baseline'), 'loader') };
  await mkdir(join(dir, 'killed'));
  await copyFile(join(dir, 'baseline', 'tokens.json'), join(dir, 'killed', 'tokens.json'));
  baseline = await runCli(args('baseline'), dir, env);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an import killed at random moments and run again', () => {
  it(`ends with exactly the graph of an uninterrupted load (${KILLS} kills)`, { timeout: 600_000 }, async () => {
    expect(baseline.stderr).not.toMatch(/^ringtrace:/m);
    expect(baseline.code).toBe(0);

    let seed = 20250201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let kills = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++)
      if (await killMidLoad('killed', () => Math.floor(random() * 2000))) kills++;
    expect(kills).toBe(KILLS);

    const resumed = await runCli(args('killed'), dir, env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^resumed run-/);

    const [a, b] = [await graphOf('baseline'), await graphOf('killed')];
    expect(b.entities.length).toBe(a.entities.length);
    expect(b.links.length).toBe(a.links.length);
    expect(a.links.length).toBeGreaterThan(ROWS);
    const [ca, cb] = [canonicalDump(a), canonicalDump(b)];
    // Compare whole, then by hash (a readable diff first, should they differ).
    expect(cb).toEqual(ca);
    expect(hashOf(cb)).toBe(hashOf(ca));
    const runs = cb.entities.filter((e) => e.kind === 'ImportRun');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.properties).toMatchObject({ status: 'complete', rows: ROWS, rejected: 0 });

    // And loading the file once more is a no-op that says so.
    const again = await runCli(args('killed'), dir, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to import: every file was loaded before/);
    expect(hashOf(canonicalDump(await graphOf('killed')))).toBe(hashOf(ca));
  });
});

describe('a fast import (--fast) killed at a random moment and run again', () => {
  it(`ends with exactly the graph of an uninterrupted load (${KILLS} kills)`, { timeout: 600_000 }, async () => {
    expect(baseline.code).toBe(0);
    const want = hashOf(canonicalDump(await graphOf('baseline')));
    // How long an uninterrupted fast load runs past its first rows: kills land within 1.2 times that.
    await rm(join(dir, 'fast'), { recursive: true, force: true });
    await mkdir(join(dir, 'fast'));
    await copyFile(join(dir, 'baseline', 'tokens.json'), join(dir, 'fast', 'tokens.json'));
    const child = startCli(args('fast', true), dir, env);
    const done = ended(child);
    expect(await pastFirstRows(child, done)).toBe(true);
    const from = performance.now();
    expect((await done).code).toBe(0);
    const span = (performance.now() - from) * 1.2;
    expect(hashOf(canonicalDump(await graphOf('fast')))).toBe(want);

    let seed = 20250202;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let kills = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
      await rm(join(dir, 'fast', 'graph.kuzu'), { force: true });
      await rm(join(dir, 'fast', 'graph.kuzu.wal'), { force: true });
      if (!(await killMidLoad('fast', () => Math.floor(random() * span), true))) continue;
      kills++;
      const resumed = await runCli(args('fast', true), dir, env);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(hashOf(canonicalDump(await graphOf('fast'))), `kill ${kills}: ${resumed.stdout}`).toBe(want);
    }
    expect(kills).toBe(KILLS);
  });
});
