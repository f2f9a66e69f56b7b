/** `ringtrace query`: the library listed, a saved query run on a demo database in each format, one-line failures. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR } from '@ringtrace/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseBundle } from '../ingest/case-bundle/index.js';
import { openStore } from '../store/open-store.js';
import { runTsx } from '../testing/run-tsx.js';
import { tokenIn } from '../testing/test-auth.js';

const CLI = 'src/cli/main.ts';
let dir: string;
/** An analyst's token of the demo database (the default data directory here). */
let token: string;
const cli = (args: string[], env: Record<string, string> = {}) =>
  runTsx(CLI, ['query', ...args], { INIT_CWD: dir, RINGTRACE_DATA: join(dir, 'demo'), RINGTRACE_TOKEN: token, ...env });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-query-cli-'));
  const store = await openStore({ dataDir: join(dir, 'demo'), neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 10_000 });
  try {
    await loadCaseBundle(store, DEMO_DIR, { loadedBy: 'cli-test' });
  } finally {
    await store.close();
  }
  token = await tokenIn(join(dir, 'demo'), 'analyst');
}, 120_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function expectOneLineFailure(result: { code: number | null; stderr: string }, reason: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^ringtrace: [^\n]+\n$/);
  expect(result.stderr).toMatch(reason);
}

describe('ringtrace query', () => {
  it('--help prints usage', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: ringtrace query [options] [name]');
    expect(result.stdout).toContain('--param <name=value>');
  });

  it('--list lists every saved query with its parameters, as a table or JSON', async () => {
    const table = await cli(['--list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^name +engines +returns +params +title\n/);
    expect(table.stdout).toMatch(/money-trail +neo4j embedded +both +victim: id<Victim> = "victim:v-0002"/);
    const json = JSON.parse((await cli(['--list', '--format', 'json'])).stdout) as Array<{ name: string }>;
    expect(json.length).toBeGreaterThanOrEqual(12);
  });

  it('runs a saved query with typed parameters, as a table, JSON and CSV', { timeout: 60_000 }, async () => {
    const data = ['--data', 'demo'];
    const table = await cli(['recruiters-of-many-centres', '--param', 'minCentres=3', ...data]);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^recruiter +name +centreCount +staff +centres\n/);
    expect(table.stdout).toMatch(/recruiter:stafflink-global +StaffLink Global \(fictional agency\) +5 +45/);
    expect(table.stdout).toMatch(/\n3 rows in \d+ ms\n$/);

    const json = JSON.parse((await cli(['staff-at-large', '--format', 'json', ...data])).stdout);
    expect(json).toMatchObject({ name: 'staff-at-large', engine: 'embedded', truncated: [] });
    expect(json.rows).toHaveLength(9);
    expect(json.subgraph.entities).toContain('crimegroup:khimprom');

    const csv = await cli(['victims-by-country', '--format', 'csv', '--row-cap', '2', ...data]);
    expect(csv.stdout.split('\n').slice(0, 3)).toEqual([
      'country,code,name,victims,payments,reportedLoss,currencies',
      expect.stringMatching(/^country:DE,DE,Germany,45,\d+,[\d.]+,"\[""USD""\]"$/),
      expect.stringMatching(/^country:GB,GB,United Kingdom,30,/),
    ]);
    expect(csv.stderr).toMatch(/^ringtrace: 23 more rows left out by the row cap \(2\)\n$/);
  });

  it.each([
    [['mony-trail', '--data', 'demo'], /no saved query named "mony-trail" \(did you mean money-trail\?\)/],
    [
      ['money-trail', '--param', 'maxHops=nine', '--data', 'demo'],
      /parameter maxHops must be a whole number from 1 to 6 \(int\), got "nine"/,
    ],
    [['money-trail', '--param', 'victim', '--data', 'demo'], /--param.*expected name=value, got "victim"/],
    [['money-trail', '--format', 'xml'], /argument 'xml' is invalid. Allowed choices are table, json, csv/],
    [['money-trail', '--list'], /--list takes no query name/],
    [[], /name a saved query, or --list them/],
  ])('%j fails with one line', async (args, reason) => {
    expectOneLineFailure(await cli(args), reason);
  });

  it('refuses to run on a directory without a database, and creates nothing', async () => {
    const typo = join(dir, 'typo');
    const here = await tokenIn(typo, 'analyst');
    expectOneLineFailure(
      await cli(['money-trail', '--data', 'typo'], { RINGTRACE_TOKEN: here }),
      /no database in .*typo/,
    );
    expect(existsSync(join(typo, 'graph.kuzu'))).toBe(false);
  });

  it('running a query needs query:run (analyst); listing the library needs no token', async () => {
    const viewer = await tokenIn(join(dir, 'demo'), 'viewer');
    expectOneLineFailure(
      await cli(['staff-at-large'], { RINGTRACE_TOKEN: viewer }),
      /ringtrace query needs a token with the right query:run \(role analyst or above\); the token "cli test viewer \w+" is viewer/,
    );
    expect((await cli(['--list'], { RINGTRACE_TOKEN: '' })).code).toBe(0);
  });
});
