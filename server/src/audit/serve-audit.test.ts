import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { prepareEntity } from '../domain/facts/prepare-entity.js';
import { startServer } from '../serve.js';
import { openStore } from '../store/open-store.js';
import { readTrail, verifyTrail } from './index.js';
import { tempDataDir } from './test-support.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  data = await tempDataDir();
  // Not empty, so the server does not load the demo case.
  const store = await openStore({ dataDir: data.dir, neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 10_000 });
  const source = { sha256: 'b'.repeat(64), locator: 'line:1' };
  await store.write({ entities: [prepareEntity({ kind: 'Country', properties: { code: 'DE' } }, source).write], links: [] });
  await store.close();
});
afterAll(() => data?.dispose());

describe('the server keeps the audit trail', () => {
  it('records requests from the first start on and writes the last ones when it stops', async () => {
    const config = loadConfig({ PORT: '0', RINGTRACE_DATA: data.dir, RINGTRACE_BUFFER_POOL_MB: '128' });
    const server = await startServer({ config, logger: pino({ level: 'silent' }), print: () => undefined });
    const graphql = `${server.url}/graphql`;
    expect((await fetch(graphql, { method: 'POST', body: '{}' })).status).toBe(401);
    const me = await fetch(graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.firstAdminToken}` },
      body: JSON.stringify({ query: 'query Me { me { name } }' }),
    });
    expect(me.status).toBe(200);
    // A streamed answer passes through the plugin's byte counter over a real socket, whole.
    const runs = await fetch(`${server.url}/import/runs`, { headers: { authorization: `Bearer ${server.firstAdminToken}` } });
    expect(runs.status).toBe(200);
    const runsText = await runs.text();
    expect(() => JSON.parse(runsText)).not.toThrow();
    await server.close();
    const { entries } = await readTrail(data.dir);
    expect(entries.map((e) => [e.who?.role ?? null, e.action.name, e.outcome.status])).toEqual([
      [null, 'POST /graphql', 'unauthenticated'],
      ['admin', 'Me', 'ok'],
      ['admin', 'GET /import/runs', 'ok'],
    ]);
    expect(entries[2]!.size.bytes).toBe(Buffer.byteLength(runsText));
    expect(await verifyTrail(data.dir)).toMatchObject({ ok: true, entries: 3 });
  }, 60_000);
});
