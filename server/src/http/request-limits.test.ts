/**
 * The limits on a request as a whole, through app.fetch on the embedded engine with the demo case:
 * the body cap (413 before the body is parsed), CSRF prevention, and the operation timeout.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../app.js';
import type { ApiLimits } from '../graphql/limits/values.js';
import type { GraphStore } from '../store/port.js';
import { demoApp, type DemoApp } from '../testing/demo-app.js';

const ENDPOINT = 'http://ringtrace.test/graphql';
const silent = pino({ level: 'silent' });

let api: DemoApp;
let storeCalls: string[] = [];
/** Milliseconds each call of a method waits before reaching the store. */
let delays: Partial<Record<keyof GraphStore, number>> = {};

/** The demo store, counting calls, with optional delays. */
function instrumented(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        storeCalls.push(String(prop));
        const delay = delays[prop as keyof GraphStore];
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let instrumentedStore: GraphStore;
beforeAll(async () => {
  api = await demoApp((real) => (instrumentedStore = instrumented(real)));
}, 120_000);
afterAll(async () => api?.dispose());
beforeEach(() => {
  storeCalls = [];
  delays = {};
});

const appWith = (limits: Partial<ApiLimits>, logger = silent) =>
  createApp({ store: instrumentedStore, logger, limits, authenticator: api.authenticator });

async function answer(response: Response) {
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, text, body: JSON.parse(text) as any };
}

const post = (app: App, body: BodyInit, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  app.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokenFor('admin')}`, ...headers },
    body,
    ...init,
  });

const STATS = JSON.stringify({ query: '{ stats { engine } }' });

describe('the request body cap', () => {
  const padded = (bytes: number) => {
    const base = JSON.stringify({ query: '{ stats { engine } }', variables: { pad: '' } });
    return JSON.stringify({ query: '{ stats { engine } }', variables: { pad: 'x'.repeat(bytes - base.length) } });
  };

  it('refuses a body over 1 MiB by default with 413, LIMIT_EXCEEDED naming maxBodyBytes', async () => {
    const { status, body } = await answer(await post(api.app, padded(1_048_577)));
    expect(status).toBe(413);
    expect(body).toEqual({
      errors: [
        {
          message: 'the request body is larger than 1048576 bytes, the limit (maxBodyBytes)',
          extensions: { code: 'LIMIT_EXCEEDED', limit: 'maxBodyBytes', max: 1_048_576 },
        },
      ],
    });
    expect(storeCalls).toEqual([]);
  });

  it('refuses before parsing: a large body that is not even JSON is 413, not a JSON error', async () => {
    const { status, body } = await answer(await post(api.app, '{'.repeat(2_000_000)));
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
  });

  it('counts the bytes of a body sent without Content-Length (chunked)', async () => {
    const stream = new Blob([padded(1_100_000)]).stream();
    const init = { duplex: 'half' } as RequestInit;
    const { status, body } = await answer(await post(api.app, stream, {}, init));
    expect(status).toBe(413);
    expect(body.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'maxBodyBytes', max: 1_048_576 });
  });

  it('takes its value from the app options (RINGTRACE_MAX_BODY_BYTES): the limit itself passes', async () => {
    const app = appWith({ maxBodyBytes: 2048 });
    expect((await answer(await post(app, padded(2048)))).body).toEqual({ data: { stats: { engine: 'embedded' } } });
    const { status, body } = await answer(await post(app, padded(2049)));
    expect(status).toBe(413);
    expect(body.errors[0].message).toBe('the request body is larger than 2048 bytes, the limit (maxBodyBytes)');
  });

  it('refuses a malformed Content-Length with 400', async () => {
    const response = await post(api.app, STATS, { 'content-length': '12, 12' });
    expect(response.status).toBe(400);
  });
});

describe('CSRF prevention', () => {
  const get = (headers: Record<string, string> = {}) =>
    api.app.fetch(`${ENDPOINT}?query=${encodeURIComponent('{ stats { engine } }')}`, {
      headers: { authorization: `Bearer ${api.tokenFor('admin')}`, ...headers },
    });

  it('refuses a GET without the header, naming it, before any store call', async () => {
    const { status, body } = await answer(await get());
    expect(status).toBe(403);
    expect(body.errors).toEqual([
      {
        message: `a GET or a form POST to /graphql needs the header ${CSRF_HEADER} (CSRF prevention); a JSON POST does not`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    expect(storeCalls).toEqual([]);
  });

  it('answers a GET with the header', async () => {
    expect((await answer(await get({ [CSRF_HEADER]: '1' }))).body).toEqual({ data: { stats: { engine: 'embedded' } } });
  });

  it.each([
    ['application/x-www-form-urlencoded', 'query=%7Bstats%7Bengine%7D%7D'],
    ['text/plain', STATS],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${STATS}\r\n--x--`,
    ],
  ])('refuses a %s POST (a form can send it cross-site without a preflight)', async (type, body) => {
    const response = await post(api.app, body, { 'content-type': type });
    expect(response.status).toBe(403);
    expect(storeCalls).toEqual([]);
  });

  it('answers a JSON POST without the header, as web/src/api/graphql.ts sends it (browsers preflight it)', async () => {
    const response = await post(api.app, STATS, { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(200);
    expect((await answer(response)).body).toEqual({ data: { stats: { engine: 'embedded' } } });
  });
});

describe('the operation timeout', () => {
  const PROVENANCE = JSON.stringify({
    query: '{ provenance(id: "crimegroup:khimprom") { sources { locator fileName } } }',
  });

  it('answers TIMEOUT naming the limit in ms as soon as it passes, not when the store answers', async () => {
    delays = { getEntities: 2000 };
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const started = performance.now();
    const { status, body } = await answer(await post(appWith({ operationTimeoutMs: 200 }, logger), PROVENANCE));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'the operation ran longer than 200 ms, the limit (operationTimeoutMs), and was stopped',
          extensions: { code: 'TIMEOUT', limit: 'operationTimeoutMs', max: 200 },
        },
      ],
    });
    // Logged for the operator, at warn.
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 40, msg: 'operation timed out', timeoutMs: 200 }),
    ]);
  });

  it('bounds the whole operation: two store calls each under the limit, together over it', async () => {
    // provenance reads the entity, then its sources' files (a second, dependent read).
    delays = { getEntities: 300 };
    const passing = await answer(await post(appWith({ operationTimeoutMs: 5000 }), PROVENANCE));
    expect(passing.body.errors).toBeUndefined();
    expect(storeCalls).toEqual(['getEntities', 'getEntities']);

    const { body } = await answer(await post(appWith({ operationTimeoutMs: 450 }), PROVENANCE));
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'TIMEOUT' }) }),
    ]);
  });
});
