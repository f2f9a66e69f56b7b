/**
 * Every error code the API produces, through app.fetch on the embedded engine with the demo case, and
 * masking: nothing unexpected (message, stack, original error) reaches a client, whatever NODE_ENV says.
 * NOT_FOUND and INVALID_ARGUMENT of each query are in read-api/graph-api.test.ts, those of the mutations
 * (a malformed amount or date naming the field, CONFLICT) in edit-api/removal-api.test.ts; the limits'
 * LIMIT_EXCEEDED and TIMEOUT in limits/limits-api.test.ts and http/request-limits.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { demoApp, type DemoApp } from '../testing/demo-app.js';

const ENDPOINT = 'http://ringtrace.test/graphql';
const silent = pino({ level: 'silent' });
/** A line of a stack trace: `at fn (/path/file.ts:12:5)`. */
const STACK_FRAME = /at .*:\d+:\d+/;

let api: DemoApp;
/** What the store's countByKind throws in the current test; nothing when undefined. */
let failure: unknown;

beforeAll(async () => {
  api = await demoApp(
    (real) =>
      new Proxy(real, {
        get: (target, prop, receiver) =>
          prop === 'countByKind' && failure !== undefined
            ? async () => {
                throw failure;
              }
            : Reflect.get(target, prop, receiver),
      }),
  );
}, 120_000);
afterAll(async () => api?.dispose());
afterEach(() => {
  failure = undefined;
});

async function send(app: App, body: string, headers: Record<string, string> = {}) {
  const response = await app.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokenFor('admin')}`, ...headers },
    body,
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, text, body: JSON.parse(text) as any };
}
const query = (q: string, variables?: Record<string, unknown>, app = api.app) =>
  send(app, JSON.stringify({ query: q, variables }));

describe('a DomainError from the store reaches the client with its code and message', () => {
  const cases: Array<[ErrorCode, string, boolean]> = [
    ['CONFLICT', 'another write is in progress; try again', true],
    ['UNAVAILABLE', 'cannot reach Neo4j at bolt://db:7687: connection refused', true],
    ['TIMEOUT', 'the query ran past the query timeout and was stopped', false],
    ['LIMIT_EXCEEDED', 'the query needs more memory than the buffer pool allows', false],
  ];

  it.each(cases)('%s', async (code, message, retriable) => {
    failure = new DomainError(code, message, { retriable, details: { engine: 'internal detail' } });
    const { body, text } = await query('{ stats { engine entities { kind count } } }');
    expect(body.errors).toEqual([
      {
        message,
        locations: [{ line: 1, column: 3 }],
        path: ['stats'],
        extensions: { code, ...(retriable && { retriable: true }) },
      },
    ]);
    // The error's details are for the logs.
    expect(text).not.toContain('internal detail');
  });
});

describe('details a client can act on reach extensions; the rest stays in the log', () => {
  it('an INVALID_ARGUMENT names its argument, a NOT_FOUND its id', async () => {
    failure = new DomainError('INVALID_ARGUMENT', 'depth: 9 is out of range (1 to 3)', {
      details: { argument: 'depth', engine: 'internal detail' },
    });
    const invalid = await query('{ stats { engine } }');
    expect(invalid.body.errors[0].extensions).toEqual({ code: 'INVALID_ARGUMENT', argument: 'depth' });
    expect(invalid.text).not.toContain('internal detail');
    failure = undefined;
    const missing = await query('{ entity(id: "crimegroup:nobody") { id } }');
    expect(missing.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', id: 'crimegroup:nobody' });
  });
});

describe('UNAVAILABLE when the store is down or closed', () => {
  let dir: string;
  let app: App;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringtrace-closed-'));
    const store = await openStore({ dataDir: join(dir, 'data'), neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 5000 });
    await store.close();
    app = createApp({ store, logger: silent, authenticator: api.authenticator });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('/ready answers 503 with the reason', async () => {
    const response = await app.fetch('http://ringtrace.test/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      engine: 'embedded',
      reason: 'the embedded database is closed (the server is stopping or restarting)',
    });
  });

  it('a query fails with code UNAVAILABLE', async () => {
    const { body } = await query('{ entity(id: "crimegroup:khimprom") { id } }', undefined, app);
    expect(body.errors).toEqual([expect.objectContaining({ path: ['entity'], extensions: { code: 'UNAVAILABLE' } })]);
    // The data directory's path stays in the server's log, never in an answer.
    expect(body.errors[0].message).toBe('the embedded database is closed (the server is stopping or restarting)');
  });
});

describe('anything unexpected is masked', () => {
  const secret = 'engine exploded at /srv/secret/graph.kuzu';
  const saved = process.env['NODE_ENV'];
  afterEach(() => {
    if (saved === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = saved;
  });

  it.each([
    ['development', new Error(secret)],
    [undefined, new Error(secret)],
    ['production', new TypeError(secret)],
    ['development', new DomainError('INTERNAL', secret)],
    ['development', secret],
  ])('NODE_ENV=%s, thrown %s: "Unexpected error.", no message, stack or original', async (env, thrown) => {
    if (env === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = env;
    // Yoga reads NODE_ENV when the app is built.
    const app = createApp({ store: api.store, logger: silent, authenticator: api.authenticator });
    const store = new Proxy(api.store, {
      get: (target, prop, receiver) =>
        prop === 'countByKind'
          ? async () => {
              throw thrown;
            }
          : Reflect.get(target, prop, receiver),
    });
    const failing = createApp({ store, logger: silent, authenticator: api.authenticator });
    const { status, body, text } = await query('{ stats { entities { kind } } }', undefined, failing);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: 'Unexpected error.',
        locations: [{ line: 1, column: 3 }],
        path: ['stats'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    for (const leak of ['secret', 'stack', 'originalError']) expect(text).not.toContain(leak);
    expect(text).not.toMatch(STACK_FRAME);
    // The app built under the same NODE_ENV still answers normally.
    expect((await query('{ stats { engine } }', undefined, app)).body).toEqual({
      data: { stats: { engine: 'embedded' } },
    });
  });
});

describe("yoga's and graphql's own errors carry a code too", () => {
  it.each([
    ['a syntax error', { query: '{ stats {' }, 'GRAPHQL_PARSE_FAILED', /^Syntax Error: Expected Name, found <EOF>\.$/],
    ['an unknown field', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope"/],
    ['no query', {}, 'BAD_REQUEST', /^Must provide query string\.$/],
    ['variables that are not an object', { query: '{ stats { engine } }', variables: [1] }, 'BAD_REQUEST', /variables/],
    [
      'a variable of the wrong type, named',
      { query: 'query ($n: Int!) { search(text: "x", first: $n) { totalCount } }', variables: { n: 'ten' } },
      'INVALID_ARGUMENT',
      /^Variable "\$n" got invalid value "ten"; Int cannot represent non-integer value/,
    ],
    [
      'a literal out of Int range',
      { query: '{ neighbourhood(ids: ["crimegroup:khimprom"], depth: 9999999999) { truncated { bound } } }' },
      'GRAPHQL_VALIDATION_FAILED',
      /Int cannot represent non 32-bit signed integer value/,
    ],
  ])('%s', async (_, request, code, message) => {
    const { body } = await send(api.app, JSON.stringify(request));
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toMatch(message);
    expect(body.data ?? null).toBeNull();
  });

  it('a body that is not JSON is BAD_REQUEST with 400', async () => {
    const { status, body } = await send(api.app, '{"query": ');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: 'POST body sent invalid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});

describe('the server never crashes on input', () => {
  const garbage: Array<[string, string, Record<string, string>?]> = [
    ['binary', '\u00ff\u00fe\u0000\u0001'],
    ['a JSON array', '[{"query": "{ stats { engine } }"}]'],
    ['null', 'null'],
    ['a NUL in the document', JSON.stringify({ query: '{ stats \u0000 { engine } }' })],
    ['a lone surrogate in a string', JSON.stringify({ query: '{ entity(id: "\\ud800") { id } }' })],
    ['an id of 100k characters', JSON.stringify({ query: `{ entity(id: "victim:${'v'.repeat(100_000)}") { id } }` })],
    [
      'a search text of 500k characters',
      JSON.stringify({
        query: 'query ($t: String!) { search(text: $t) { totalCount } }',
        variables: { t: 'moscow '.repeat(70_000) },
      }),
    ],
    // Built as text: JSON.stringify itself overflows the stack at this depth.
    [
      'deep JSON variables',
      `{"query": "{ stats { engine } }", "variables": {"v": ${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    ],
    ['an unknown operation name', JSON.stringify({ query: 'query A { stats { engine } }', operationName: 'B' })],
    [
      'a mutation by GET-like form',
      'query=mutation%20%7B%20x%20%7D',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
    ['an XML body', '<query/>', { 'content-type': 'application/xml' }],
  ];

  it.each(garbage)('%s: a 4xx or a GraphQL error with a code, no stack', async (_, body, headers) => {
    const response = await api.app.fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokenFor('admin')}`, ...headers },
      body,
    });
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).not.toContain('stack');
    expect(text).not.toMatch(STACK_FRAME);
    if (response.status === 200) {
      const { errors } = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      for (const error of errors ?? []) expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
    }
    // And the next request is answered as usual.
    expect((await query('{ stats { engine } }')).body).toEqual({ data: { stats: { engine: 'embedded' } } });
  });
});
