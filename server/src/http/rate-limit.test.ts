/**
 * Rate limits through the app (app.fetch, the demo case, real tokens): per-token buckets, the 429's
 * shape (Retry-After, the bound named), heavier operations costing more, and 401 floods throttled by
 * address.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { demoWithAuth } from '../testing/demo-with-auth.js';
import type { RateLimitOptions } from './rate-limit.js';

const ENDPOINT = 'http://ringtrace.test/graphql';
const demo = demoWithAuth();

const appWith = (rateLimit: Omit<RateLimitOptions, 'callerKey'>): App =>
  createApp({
    store: demo.api.store,
    logger: pino({ level: 'silent' }),
    authenticator: demo.auth.authenticator,
    rateLimit,
  });

/** A socket's address, as the Node adapter passes it to yoga in the server context. */
const from = (address: string) => ({ req: { socket: { remoteAddress: address } } });

async function post(app: App, query: string, headers: Record<string, string>, variables = {}, address = '10.0.0.1') {
  const response = await app.fetch(
    ENDPOINT,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    },
    from(address),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const STATS = '{ stats { engine } }';

describe('rate limits per token', () => {
  it('answers 429 past the limit, with Retry-After and the bound named', async () => {
    const app = appWith({ perSecond: 3, burst: 2 });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await post(app, STATS, demo.auth.headers('viewer'));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/rate limit \(rateLimit\) is 3 points a second with a burst of 2 more/),
          extensions: {
            code: 'LIMIT_EXCEEDED',
            bound: 'rate',
            limit: 'rateLimit',
            max: 3,
            retryAfterSeconds: Number(last!.headers.get('retry-after')),
          },
        },
      ],
    });
  });

  it('holds a refusal before sending it (refusalHold), never longer than the wait it announces', async () => {
    const app = createApp({
      store: demo.api.store,
      logger: pino({ level: 'silent' }),
      authenticator: demo.auth.authenticator,
      rateLimit: { perSecond: 1, burst: 0 },
      refusalHold: { maxMs: 250, maxHeld: 10 },
    });
    expect((await post(app, STATS, demo.auth.headers('analyst'))).status).toBe(200);
    const started = performance.now();
    const refused = await post(app, STATS, demo.auth.headers('analyst'));
    expect(refused.status).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(245);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('keeps a bucket per token: one caller over its limit does not slow another', async () => {
    const app = appWith({ perSecond: 2, burst: 0 });
    for (let i = 0; i < 2; i++) expect((await post(app, STATS, demo.auth.headers('viewer'))).status).toBe(200);
    expect((await post(app, STATS, demo.auth.headers('viewer'))).status).toBe(429);
    expect((await post(app, STATS, demo.auth.headers('analyst'))).status).toBe(200);
  });

  it('lets the bucket refill: allowed again after Retry-After', async () => {
    const app = appWith({ perSecond: 1, burst: 0 });
    expect((await post(app, STATS, demo.auth.headers('loader'))).status).toBe(200);
    const refused = await post(app, STATS, demo.auth.headers('loader'));
    expect(refused.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000 + 50));
    expect((await post(app, STATS, demo.auth.headers('loader'))).status).toBe(200);
  });

  it('charges heavier operations more: runCypher costs 10, the same as ten small requests', async () => {
    const app = appWith({ perSecond: 10, burst: 0 });
    const cypher = 'query ($q: String!) { runCypher(query: $q) { rows } }';
    const ran = await post(app, cypher, demo.auth.headers('analyst'), { q: 'RETURN 1 AS one' });
    expect(ran.status).toBe(200);
    expect(ran.body.data.runCypher.rows).toEqual([[1]]);
    const next = await post(app, STATS, demo.auth.headers('analyst'));
    expect(next.status).toBe(429);
    expect(next.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', bound: 'rate' });
  });

  it('refuses a heavy operation over the budget before it runs: 429 and no data', async () => {
    const app = appWith({ perSecond: 5, burst: 0 });
    const deep = 'query ($d: Int!) { neighbourhood(ids: ["crimegroup:khimprom"], depth: $d) { entities { id } } }';
    const refused = await post(app, deep, demo.auth.headers('admin'), { d: 3 });
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      bound: 'rate',
      limit: 'rateLimit',
    });
  });
});

describe('requests without a valid token', () => {
  it('are 401 until the address has caused too many, then 429; another address is unaffected', async () => {
    const app = appWith({ perSecond: 100, burst: 0, unauthenticatedPerMinute: 3 });
    const bad = { authorization: 'Bearer rt_not-a-token' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(app, STATS, bad, {}, '10.6.6.6')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const last = await post(app, STATS, {}, {}, '10.6.6.6');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last.body.errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      bound: 'rate',
      limit: 'unauthenticatedRateLimit',
      max: 3,
    });
    expect((await post(app, STATS, bad, {}, '10.7.7.7')).status).toBe(401);
    // A valid token from the throttled address still gets in: only refusals count against the address.
    expect((await post(app, STATS, demo.auth.headers('viewer'), {}, '10.6.6.6')).status).toBe(200);
  });

  it('behind a trusted proxy, counts by the client in X-Forwarded-For; from anyone else the header is ignored', async () => {
    const app = createApp({
      store: demo.api.store,
      logger: pino({ level: 'silent' }),
      authenticator: demo.auth.authenticator,
      rateLimit: { perSecond: 100, burst: 0, unauthenticatedPerMinute: 1 },
      trustProxy: ['10.9.9.9'],
    });
    const viaProxy = (client: string) => ({
      req: { socket: { remoteAddress: '10.9.9.9' }, headers: { 'x-forwarded-for': client } },
    });
    const bad = async (serverContext: unknown) => {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: STATS }),
      };
      return (await app.fetch(ENDPOINT, init, serverContext as Record<string, unknown>)).status;
    };
    // Two clients behind the proxy: a bucket each.
    expect([await bad(viaProxy('203.0.113.1')), await bad(viaProxy('203.0.113.1'))]).toEqual([401, 429]);
    expect(await bad(viaProxy('203.0.113.2'))).toBe(401);
    // A client that is not the proxy cannot pick its bucket with the header.
    const forged = (client: string) => ({
      req: { socket: { remoteAddress: '198.51.100.7' }, headers: { 'x-forwarded-for': client } },
    });
    expect([await bad(forged('203.0.113.3')), await bad(forged('203.0.113.4'))]).toEqual([401, 429]);
  });

  it('public requests (probes) are not counted', async () => {
    const app = appWith({ perSecond: 1, burst: 0, unauthenticatedPerMinute: 1 });
    for (let i = 0; i < 5; i++) {
      expect((await app.fetch('http://ringtrace.test/health', {}, from('10.8.8.8'))).status).toBe(200);
    }
  });
});

describe('without a rate limit (the app built without one)', () => {
  it('never answers 429', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add((await demo.api.gqlAs('viewer', STATS)).status);
    expect([...statuses]).toEqual([200]);
  });
});
