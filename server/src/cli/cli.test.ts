import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import { runTsx } from '../testing/run-tsx.js';
import { tokenIn } from '../testing/test-auth.js';

const CLI = 'src/cli/main.ts';
let dir: string;

/** A failure is exactly one line on stderr, `ringtrace: <reason>`, and nothing that looks like a stack. */
function expectOneLineFailure(result: { code: number | null; stderr: string }, reason: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^ringtrace: [^\n]+\n$/);
  expect(result.stderr).toMatch(reason);
}

const cli = (args: string[], env: Record<string, string> = {}) => runTsx(CLI, args, { INIT_CWD: dir, ...env });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-cli-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ringtrace CLI', () => {
  it.each(['serve', 'seed', 'generate', 'stats'])('%s --help prints usage and exits 0', async (command) => {
    const result = await cli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: ringtrace ${command} [options]`);
    expect(result.stderr).toBe('');
  });

  it('--help lists every command', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['serve', 'seed', 'generate', 'stats']) expect(result.stdout).toContain(command);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['stats', '--bogus'], /unknown option '--bogus'/],
    [['generate', '--out', 'x'], /required option '--scale <n>' not specified/],
    [['generate', '--scale', 'lots', '--out', 'x'], /--scale.*expected a whole number >= 1, got "lots"/],
    [['generate', '--scale', '10', '--out', 'x'], /--scale: must be from 1000 to \d+, got 10/],
    [['seed', '--demo', '--bundle', 'x'], /'--demo' cannot be used with option '--bundle <dir>'/],
    [['stats'], /^ringtrace: PORT must be a whole number/, { PORT: 'eighty' }],
  ] as Array<[string[], RegExp, Record<string, string>?]>)('%j fails with one line', async (args, reason, env) => {
    expectOneLineFailure(await cli(args, env), reason);
  });

  it('seed of a missing bundle fails with one line', async () => {
    const token = await tokenIn(join(dir, 'd'), 'loader');
    const result = await cli(['seed', '--bundle', 'no-such-dir', '--data', 'd'], { RINGTRACE_TOKEN: token });
    expectOneLineFailure(result, /--bundle: no case bundle at .*no-such-dir/);
  });

  it('stats on a directory without a database fails with one line and creates nothing', async () => {
    const token = await tokenIn(join(dir, 'other'), 'viewer');
    // Its tokens are elsewhere: the token is not valid there (a directory's tokens.json decides).
    expectOneLineFailure(await cli(['stats', '--data', 'typo'], { RINGTRACE_TOKEN: token }), /the token is not valid/);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    const typo = join(dir, 'typo-with-token');
    const here = await tokenIn(typo, 'viewer');
    expectOneLineFailure(await cli(['stats', '--data', typo], { RINGTRACE_TOKEN: here }), /no database in .*typo/);
    expect(existsSync(join(typo, 'graph.kuzu'))).toBe(false);
  });

  it('a command that touches the case needs a token; generate needs none', async () => {
    expectOneLineFailure(
      await cli(['stats', '--data', 'loaded']),
      /^ringtrace: ringtrace stats needs a token with the right graph:read \(role viewer or above\): set RINGTRACE_TOKEN or pass --token-file FILE/,
    );
    expect((await cli(['generate', '--scale', '1000', '--out', 'tiny'])).code).toBe(0);
  });

  it('generate writes a bundle that seed loads and stats counts', async () => {
    const generated = await cli(['generate', '--scale', '2000', '--seed', '7', '--out', 'case']);
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(await readdir(join(dir, 'case'))).toContain('bundle.json');

    const token = await tokenIn(join(dir, 'loaded'), 'loader');
    const seeded = await cli(['seed', '--bundle', 'case', '--data', 'loaded'], { RINGTRACE_TOKEN: token });
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/links +\d+ new/);

    const stats = await cli(['stats', '--data', 'loaded', '--json'], { RINGTRACE_TOKEN: token });
    expect(stats.stderr).toBe('');
    const parsed = JSON.parse(stats.stdout) as { engine: string; location: string; links: Record<string, number> };
    expect(parsed.engine).toBe('embedded');
    expect(parsed.location).toContain(join(dir, 'loaded'));
    const total = Object.values(parsed.links).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1000);
    expect(parsed.links).toMatchObject({ CALLED: expect.any(Number), PAID: expect.any(Number) });
  });

  it('refuses with one line when another process holds the embedded database', async () => {
    const dataDir = join(dir, 'held');
    const store = await openStore({ dataDir, neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 10_000 });
    try {
      const token = await tokenIn(dataDir, 'viewer');
      expectOneLineFailure(
        await cli(['stats', '--data', dataDir], { RINGTRACE_TOKEN: token }),
        /in use by another process/,
      );
    } finally {
      await store.close();
    }
  });
});
