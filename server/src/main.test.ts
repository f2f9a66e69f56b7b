import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareEntity } from './domain/facts/prepare-entity.js';
import { openStore } from './store/open-store.js';
import { collect, runTsx, startTsx } from './testing/run-tsx.js';

const MAIN = 'src/main.ts';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-main-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('NEO4J_URI pointing at nothing fails at start with one line and exit code 1', async () => {
    const result = await runTsx(MAIN, [], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ringtrace: [^\n]*127\.0\.0\.1:1[^\n]*\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad variable fails with one line naming it', async () => {
    const result = await runTsx(MAIN, [], { RINGTRACE_QUERY_TIMEOUT_MS: 'forever' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ringtrace: RINGTRACE_QUERY_TIMEOUT_MS must be a whole number[^\n]*\n$/);
  });

  it('serves an existing database, then shuts down gracefully on SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    // A database that is not empty, so the server does not load the demo case.
    const store = await openStore({ dataDir, neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 10_000 });
    const source = { sha256: 'b'.repeat(64), locator: 'line:1' };
    await store.write({
      entities: [prepareEntity({ kind: 'Country', properties: { code: 'DE' } }, source).write],
      links: [],
    });
    await store.close();

    const child = startTsx(MAIN, [], { PORT: '0', RINGTRACE_DATA: dataDir, RINGTRACE_BUFFER_POOL_MB: '128' });
    const result = collect(child);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    while (!/ready at (http:\/\/\S+?)"/.test(output)) {
      if (child.exitCode !== null) throw new Error(`server exited: ${(await result).stderr}`);
      await once(child.stdout!, 'data');
    }
    const url = /ready at (http:\/\/\S+?)"/.exec(output)![1]!;
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(output).not.toContain('loading the demo case');

    child.kill('SIGTERM');
    const { code, stdout, stderr } = await result;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});
