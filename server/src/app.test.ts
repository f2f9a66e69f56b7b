import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER } from './app.js';
import { prepareEntity } from './domain/facts/prepare-entity.js';
import { prepareLink } from './domain/facts/prepare-link.js';
import { openStore } from './store/open-store.js';
import type { GraphStore } from './store/port.js';
import { createTestAuth, type TestAuth } from './testing/test-auth.js';

const source = { sha256: 'a'.repeat(64), locator: 'line:2' };
const silent = pino({ level: 'silent' });

/** A logger at level error whose lines the test can read. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: 'error' }, stream) };
}

let dir: string;
let store: GraphStore;
let webRoot: string;
let auth: TestAuth;

/** Only `key` fails; everything else is the real store. */
function failing(key: keyof GraphStore, error: Error): GraphStore {
  return new Proxy(store, {
    get: (target, prop, receiver) =>
      prop === key
        ? async () => {
            throw error;
          }
        : Reflect.get(target, prop, receiver),
  });
}

async function gql(app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown> = {}) {
  const response = await app.fetch('http://ringtrace.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth.headers() },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-app-'));
  auth = await createTestAuth({ dataDir: join(dir, 'data') });
  store = await openStore({ dataDir: join(dir, 'data'), neo4j: null, bufferPoolMb: 256, queryTimeoutMs: 10_000 });
  const entity = (kind: string, key: string | undefined, properties: Record<string, unknown>) =>
    prepareEntity({ kind, ...(key !== undefined && { key }), properties }, source).write;
  const centre = entity('CallCentre', 'moscow-1', { name: 'Moscow call centre 1', city: 'Moscow', country: 'RU' });
  const seat = entity('Workstation', 'moscow-1-ws-001', { hostname: 'ws-001' });
  const phone = entity('PhoneNumber', undefined, { number: '+7 495 123-45-67' });
  await store.write({
    entities: [centre, seat, phone],
    links: [
      prepareLink({ type: 'HAS_WORKSTATION', from: centre.id, to: seat.id, properties: {} }, source),
      prepareLink({ type: 'USES_NUMBER', from: seat.id, to: phone.id, properties: {} }, source),
    ],
  });

  webRoot = join(dir, 'web');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<h1>Ringtrace shell</h1>');
  await writeFile(join(webRoot, 'assets', 'app-1234.js'), 'console.log("app")');
  await writeFile(join(dir, 'secret.txt'), 'outside the web root');
});

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('probes', () => {
  it('/health answers while the process is up', async () => {
    const app = createApp({
      authenticator: auth.authenticator,
      store: failing('countByKind', new Error('down')),
      logger: silent,
    });
    expect((await app.fetch('http://ringtrace.test/health')).status).toBe(200);
  });

  it('/ready answers 200 when the store does', async () => {
    const response = await createApp({ authenticator: auth.authenticator, store, logger: silent }).fetch(
      'http://ringtrace.test/ready',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', engine: 'embedded' });
  });

  it('/ready answers 503 without the engine internals when the store fails', async () => {
    const app = createApp({
      authenticator: auth.authenticator,
      store: failing('countByKind', new Error('IO exception: /secret/path')),
      logger: silent,
    });
    const response = await app.fetch('http://ringtrace.test/ready');
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      status: 'unavailable',
      engine: 'embedded',
      reason: 'the store is not answering',
    });
    expect(text).not.toContain('secret');
  });
});

describe('GraphQL', () => {
  it('stats lists every kind and type of the model with the stored counts', async () => {
    const { body } = await gql(
      createApp({ authenticator: auth.authenticator, store, logger: silent }),
      '{ stats { engine version entities { kind count } links { type count } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.stats.engine).toBe('embedded');
    const entities = Object.fromEntries(
      body.data.stats.entities.map((e: { kind: string; count: number }) => [e.kind, e.count]),
    );
    expect(entities).toMatchObject({ CallCentre: 1, Workstation: 1, PhoneNumber: 1, Victim: 0 });
    const links = Object.fromEntries(
      body.data.stats.links.map((l: { type: string; count: number }) => [l.type, l.count]),
    );
    expect(links).toMatchObject({ HAS_WORKSTATION: 1, USES_NUMBER: 1, CALLED: 0 });
  });

  it('entity(id) returns caption, properties and sources', async () => {
    const { body } = await gql(
      createApp({ authenticator: auth.authenticator, store, logger: silent }),
      'query ($id: ID!) { entity(id: $id) { id kind caption properties sources { sha256 locator } } }',
      { id: 'phone:+74951234567' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.entity).toMatchObject({
      id: 'phone:+74951234567',
      kind: 'PhoneNumber',
      caption: '+74951234567',
      properties: { number: '+74951234567', valid: true },
      sources: [source],
    });
  });

  it('entity(id) of an unknown id fails with code NOT_FOUND, and it is not logged as an error', async () => {
    const { lines, logger } = capture();
    const { body } = await gql(
      createApp({ authenticator: auth.authenticator, store, logger }),
      '{ entity(id: "callcentre:nowhere") { id } }',
    );
    expect(lines).toEqual([]);
    expect(body.data).toEqual({ entity: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'entity not found: callcentre:nowhere',
        path: ['entity'],
        extensions: { code: 'NOT_FOUND', id: 'callcentre:nowhere' },
      }),
    ]);
  });

  it('entity(id) of a malformed id fails with code INVALID_ARGUMENT naming it', async () => {
    const { body } = await gql(
      createApp({ authenticator: auth.authenticator, store, logger: silent }),
      '{ entity(id: "no-prefix") { id } }',
    );
    expect(body.errors[0].extensions).toEqual({ code: 'INVALID_ARGUMENT', argument: 'id' });
    expect(body.errors[0].message).toContain('"no-prefix"');
  });

  it('masks an unexpected error and logs it', async () => {
    const { lines, logger } = capture();
    const app = createApp({
      authenticator: auth.authenticator,
      store: failing('countByKind', new Error('engine exploded at /secret/path')),
      logger,
    });
    const { text, body } = await gql(app, '{ stats { engine } }');
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ]);
    expect(text).not.toContain('secret');
    expect(lines.join('')).toContain('engine exploded at /secret/path');
  });

  it('model gives the kinds with their display hints', async () => {
    const { body } = await gql(
      createApp({ authenticator: auth.authenticator, store, logger: silent }),
      '{ model { kinds { name system display { colour icon caption } } relationships { name endpoints { from to } } } }',
    );
    const victim = body.data.model.kinds.find((k: { name: string }) => k.name === 'Victim');
    expect(victim).toMatchObject({ system: false, display: { colour: expect.stringMatching(/^#/) } });
    const called = body.data.model.relationships.find((r: { name: string }) => r.name === 'CALLED');
    expect(called.endpoints).toContainEqual({ from: 'PhoneNumber', to: 'Victim' });
  });
});

describe('the web app', () => {
  const get = (path: string, root = webRoot, headers: Record<string, string> = {}) =>
    createApp({ authenticator: auth.authenticator, store, logger: silent, webRoot: root }).fetch(
      `http://ringtrace.test${path}`,
      { headers },
    );

  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/case/42']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe('<h1>Ringtrace shell</h1>');
    }
  });

  it('serves fingerprinted assets as immutable', async () => {
    const response = await get('/assets/app-1234.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404 for a missing file and for a path out of the root', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
    const escape = await get('/..%2fsecret.txt');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('outside the web root');
  });

  it('says how to build the web app when it is not built', async () => {
    const response = await get('/', join(dir, 'not-built'));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @ringtrace/web build');
  });

  it('leaves /graphql to the API', async () => {
    // A GET query carries the CSRF prevention header (limits-api.test.ts tests the refusal without it).
    const response = await get('/graphql?query=%7Bstats%7Bengine%7D%7D', webRoot, {
      [CSRF_HEADER]: '1',
      ...auth.headers('viewer'),
    });
    expect(await response.json()).toEqual({ data: { stats: { engine: 'embedded' } } });
  });

  it('serves the web app without a token (the sign-in page must load) but not the API', async () => {
    expect((await get('/', webRoot)).status).toBe(200);
    const response = await get('/graphql?query=%7Bstats%7Bengine%7D%7D', webRoot, { [CSRF_HEADER]: '1' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
