/**
 * Persisted operations through app.fetch on the demo case: `only` runs the web app's manifest and
 * nothing else (ad-hoc Cypher included, as a variable), `allow` runs both, `off` ignores hashes.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import type { Role } from '../domain/access/rights.js';
import { demoApp, type DemoApp } from '../testing/demo-app.js';
import { createTestAuth, type TestAuth } from '../testing/test-auth.js';
import { sha256Hex } from './persisted-operations-manifest.js';
import { loadPersistedOperations, type PersistedOperationsMode } from './persisted-operations.js';

let api: DemoApp;
let auth: TestAuth;
const manifest = loadPersistedOperations();
const apps = new Map<PersistedOperationsMode, App>();

beforeAll(async () => {
  api = await demoApp();
  auth = await createTestAuth();
  for (const mode of ['off', 'allow', 'only'] as const) {
    apps.set(
      mode,
      createApp({
        store: api.store,
        logger: pino({ level: 'silent' }),
        authenticator: auth.authenticator,
        persistedOperations: mode,
      }),
    );
  }
}, 120_000);
afterAll(async () => {
  await auth?.dispose();
  await api?.dispose();
});

/** The manifest's document for an operation name. */
function persisted(name: string): { hash: string; body: string } {
  for (const [hash, body] of manifest) if (new RegExp(`(query|mutation) ${name}\\b`).test(body)) return { hash, body };
  throw new Error(`no persisted operation ${name}`);
}

const extensions = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function send(mode: PersistedOperationsMode, body: Record<string, unknown>, role: Role = 'analyst') {
  const response = await apps.get(mode)!.fetch('http://ringtrace.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...auth.headers(role) },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

const ARBITRARY = '{ stats { engine } }';

describe('only', () => {
  it('refuses an arbitrary document, saying why and what to send instead', async () => {
    const { status, body } = await send('only', { query: ARBITRARY });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'PERSISTED_QUERY_REQUIRED' });
    expect(body.errors[0].message).toMatch(/runs only persisted operations \(RINGTRACE_PERSISTED_OPERATIONS=only\)/);
    expect(body.errors[0].message).toMatch(/sha256Hash/);
  });

  it('refuses an arbitrary document sent with its own (correct) hash: not in the manifest', async () => {
    const { status, body } = await send('only', { query: ARBITRARY, extensions: extensions(sha256Hex(ARBITRARY)) });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses an unknown hash alone', async () => {
    const { status, body } = await send('only', { extensions: extensions('0'.repeat(64)) });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/not one of this server's persisted operations/),
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  });

  it('refuses a request with neither', async () => {
    const { status, body } = await send('only', { variables: {} });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it("runs the manifest's operations by hash alone, and sent with their document (as the web app does)", async () => {
    const search = persisted('Search');
    const variables = { text: 'khimprom', first: 3 };
    const byHash = await send('only', { extensions: extensions(search.hash), variables });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data.search.edges[0].node.id).toBe('crimegroup:khimprom');
    const withDocument = await send('only', { query: search.body, extensions: extensions(search.hash), variables });
    expect(withDocument.body).toEqual(byHash.body);
  });

  it("runs an analyst's ad-hoc Cypher: it is a variable of the persisted RunCypher operation", async () => {
    const { hash } = persisted('RunCypher');
    const { status, body } = await send('only', {
      extensions: extensions(hash),
      variables: { query: 'MATCH (g:CrimeGroup) RETURN g.id AS id', params: {} },
    });
    expect(status).toBe(200);
    expect(body.data.runCypher.rows).toContainEqual(['crimegroup:khimprom']);
  });

  it('still checks rights on a persisted operation', async () => {
    const { hash } = persisted('RunCypher');
    const { status, body } = await send(
      'only',
      { extensions: extensions(hash), variables: { query: 'RETURN 1' } },
      'viewer',
    );
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('allow (the default)', () => {
  it("runs an arbitrary document and the manifest's operations", async () => {
    expect((await send('allow', { query: ARBITRARY })).body.data.stats.engine).toBe('embedded');
    const model = persisted('Model');
    expect((await send('allow', { extensions: extensions(model.hash) })).body.data.model.kinds.length).toBeGreaterThan(
      0,
    );
    expect((await send('allow', { query: model.body, extensions: extensions(model.hash) })).status).toBe(200);
  });

  it('runs a document with a hash the manifest lacks as sent', async () => {
    const { status, body } = await send('allow', { query: ARBITRARY, extensions: extensions(sha256Hex(ARBITRARY)) });
    expect(status).toBe(200);
    expect(body.data.stats.engine).toBe('embedded');
  });

  it('asks for the document when only an unknown hash comes', async () => {
    const { body } = await send('allow', { extensions: extensions('1'.repeat(64)) });
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/send its document with it/),
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  });

  it("refuses a hash that is not the document's", async () => {
    const search = persisted('Search');
    const { status, body } = await send('allow', { query: ARBITRARY, extensions: extensions(search.hash) });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/not the SHA-256 of the query/),
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});

describe('off', () => {
  it('runs documents and ignores hashes, even a wrong one', async () => {
    const search = persisted('Search');
    const { status, body } = await send('off', { query: ARBITRARY, extensions: extensions(search.hash) });
    expect(status).toBe(200);
    expect(body.data.stats.engine).toBe('embedded');
  });
});
