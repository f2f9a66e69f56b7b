import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
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

  it('a port in use fails with one line, before touching the database', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const dataDir = join(dir, 'never-created');
      const result = await runTsx(MAIN, [], { PORT: String(port), RINGTRACE_DATA: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `ringtrace: port ${port} on 127.0.0.1 is in use (another Ringtrace?): stop it or set PORT\n`,
      );
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      blocker.close();
    }
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
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        output += d.toString();
        // The sign-in notice is written straight to stdout, the log line through pino: either may come first.
        const match = /ready at (http:\/\/[^\s"]+)/.exec(output);
        if (match?.[1] && output.includes('#token=')) resolve(match[1]);
      });
      void result.then((r) => reject(new Error(`the server exited with ${r.code}: ${r.stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    // The first start made an admin token and printed the sign-in link with it (never in a log line).
    const token = new RegExp(`${url.replaceAll('.', '\\.')}/#token=(rt_\\S+)`).exec(output)?.[1];
    expect(token).toBeDefined();
    expect(output.split('\n').filter((line) => line.startsWith('{') && line.includes(token!))).toEqual([]);
    expect((await fetch(`${url}/graphql`, { method: 'POST', body: '{}' })).status).toBe(401);
    const me = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { name role } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { name: 'admin (first start)', role: 'admin' } } });
    child.kill('SIGTERM');
    const { code, stdout, stderr } = await result;
    expect(stdout).not.toContain('loading the demo case');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});
