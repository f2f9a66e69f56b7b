/**
 * Crash safety: the CLI loading a file is killed with SIGKILL at random moments while it loads (at least
 * ten times), then run to the end; the graph must be exactly the graph of one uninterrupted load of the
 * same file (compared as a canonical dump of every entity and link, sources in order), with one complete
 * run. Small scale: 4,000 rows in the default (kill-safe) batches of the embedded engine, each kill landing
 * after some batches were written.
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

const args = (data: string) => [
  'import',
  file,
  '--mapping',
  'victim-complaints',
  '--data',
  data,
  '--progress',
  'lines',
];

async function graphOf(data: string) {
  const store = await openStore({ dataDir: join(dir, data), neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 30_000 });
  try {
    return await dumpGraph(store);
  } finally {
    await store.close();
  }
}

/** Starts a load and kills it after it has written some batches; false when it ended first. */
async function killMidLoad(data: string, random: () => number): Promise<boolean> {
  const child = startCli(args(data), dir, env);
  const done = ended(child);
  const loading = new Promise<boolean>((resolve) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      // A progress line past the first rows: batches are being written.
      if (/"type":"progress".*"rows":([1-9]\d{2,})/.test(seen)) resolve(true);
    });
    void done.then(() => resolve(false));
  });
  if (!(await loading)) return false;
  await new Promise((r) => setTimeout(r, Math.floor(random() * 2000)));
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
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an import killed at random moments and run again', () => {
  it(`ends with exactly the graph of an uninterrupted load (${KILLS} kills)`, { timeout: 600_000 }, async () => {
    const baseline = await runCli(args('baseline'), dir, env);
    expect(baseline.stderr).not.toMatch(/^ringtrace:/m);
    expect(baseline.code).toBe(0);

    let seed = 20250201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let kills = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++)
      if (await killMidLoad('killed', random)) kills++;
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
