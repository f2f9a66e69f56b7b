/**
 * Concurrency limits through the app (app.fetch, the demo case, real tokens): one expensive operation
 * in flight per token, a global cap across tokens, cheap operations never counted, the 429's shape, and
 * slots given back after a result, an error and a timeout. The store's runRead is held on a gate so
 * operations stay in flight as long as a test needs; the slot bookkeeping alone is checked with fast-check.
 */
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import type { GraphStore } from '../store/port.js';
import { gatedStore } from '../testing/gated-store.js';
import { demoWithAuth } from '../testing/demo-with-auth.js';
import { createSlots, DEFAULT_CONCURRENCY } from './concurrency-limit.js';

const CYPHER = 'query Q($q: String!) { runCypher(query: $q) { columns } }';
const RETURN_ONE = { q: 'RETURN 1 AS one' };
const demo = demoWithAuth();

function appWith(store: GraphStore, operationTimeoutMs?: number): App {
  return createApp({
    store,
    logger: pino({ level: 'silent' }),
    authenticator: demo.auth.authenticator,
    concurrency: { perCaller: 1, global: 2 },
    ...(operationTimeoutMs !== undefined && { limits: { operationTimeoutMs } }),
  });
}

const post = demo.post;

/** Lets the app reach the gated store call before the next request is sent. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('concurrency limits', () => {
  it('refuses a second expensive operation from the same token at once, with the bound named', async () => {
    const gated = gatedStore(demo.api.store);
    const app = appWith(gated.store);
    gated.hold();
    const first = post(app, 'analyst', CYPHER, RETURN_ONE);
    await settle();
    const second = await post(app, 'analyst', CYPHER, RETURN_ONE);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(second.body.errors).toHaveLength(1);
    expect(second.body.errors[0].extensions).toEqual({
      code: 'LIMIT_EXCEEDED',
      bound: 'concurrency',
      limit: 'callerConcurrency',
      max: 1,
      retryAfterSeconds: 1,
    });
    // A deep neighbourhood is expensive too (a depth-2 one and paths are not: the next test).
    const deep = await post(app, 'analyst', '{ neighbourhood(ids: ["victim:v-0001"], depth: 3) { entities { id } } }');
    expect(deep.body.errors?.[0]?.extensions?.limit).toBe('callerConcurrency');
    gated.open();
    expect((await first).status).toBe(200);
    // The slot is back.
    expect((await post(app, 'analyst', CYPHER, RETURN_ONE)).status).toBe(200);
  });

  it('never limits cheap operations, even while the caller holds its slot', async () => {
    const gated = gatedStore(demo.api.store);
    const app = appWith(gated.store);
    gated.hold();
    const first = post(app, 'analyst', CYPHER, RETURN_ONE);
    await settle();
    for (const query of [
      '{ stats { engine } }',
      '{ neighbourhood(ids: ["victim:v-0001"], depth: 2) { entities { id } } }',
      '{ search(text: "moscow") { totalCount } }',
      '{ paths(from: "victim:v-0001", to: "victim:v-0002") { paths { entityIds } } }',
    ]) {
      const answer = await post(app, 'analyst', query);
      expect(answer.body.errors?.[0]?.extensions?.bound, query).not.toBe('concurrency');
      expect(answer.status, query).not.toBe(429);
    }
    gated.open();
    expect((await first).status).toBe(200);
  });

  it('lets different tokens run side by side up to the global cap', async () => {
    const gated = gatedStore(demo.api.store);
    const app = appWith(gated.store);
    gated.hold();
    const analyst = post(app, 'analyst', CYPHER, RETURN_ONE);
    const admin = post(app, 'admin', CYPHER, RETURN_ONE);
    await settle();
    const third = await post(app, 'loader', CYPHER, RETURN_ONE);
    expect(third.status).toBe(429);
    expect(third.body.errors[0].extensions).toMatchObject({ bound: 'concurrency', limit: 'globalConcurrency', max: 2 });
    gated.open();
    expect((await analyst).status).toBe(200);
    expect((await admin).status).toBe(200);
    expect((await post(app, 'loader', CYPHER, RETURN_ONE)).status).toBe(200);
  });

  it('gives the slot back after a store error and after the operation timeout', async () => {
    const gated = gatedStore(demo.api.store);
    const app = appWith(gated.store, 300);
    gated.failNext();
    const failed = await post(app, 'analyst', CYPHER, RETURN_ONE);
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await post(app, 'analyst', CYPHER, RETURN_ONE)).status).toBe(200);

    gated.hold();
    const timedOut = await post(app, 'analyst', CYPHER, RETURN_ONE);
    expect(timedOut.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    gated.open();
    expect((await post(app, 'analyst', CYPHER, RETURN_ONE)).status).toBe(200);
  });
});

describe('slots', () => {
  it('never exceed either cap and all come back, whatever the order of takes and releases', () => {
    const step = fc.oneof(
      fc.record({ take: fc.constantFrom('a', 'b', 'c', undefined) }),
      fc.record({ release: fc.nat(20) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(step),
        (perCaller, global, steps) => {
          const slots = createSlots({ perCaller, global });
          const held: Array<() => void> = [];
          for (const s of steps) {
            if ('take' in s) {
              const slot = slots.take(s.take);
              if (typeof slot === 'function') held.push(slot);
            } else if (held.length > 0) {
              const release = held.splice(s.release % held.length, 1)[0]!;
              release();
              release(); // twice: a second release changes nothing
            }
            const { total, callers } = slots.state();
            expect(total).toBe(held.length);
            expect(total).toBeLessThanOrEqual(global);
            for (const count of Object.values(callers)) expect(count).toBeLessThanOrEqual(perCaller);
          }
          for (const release of held) release();
          expect(slots.state()).toEqual({ total: 0, callers: {} });
        },
      ),
    );
  });
});

describe('configuration', () => {
  const base = { INIT_CWD: '/srv/ringtrace' };
  it('defaults to one per caller and three in all, and reads both variables', () => {
    expect(loadConfig(base).concurrency).toEqual(DEFAULT_CONCURRENCY);
    expect(DEFAULT_CONCURRENCY).toEqual({ perCaller: 1, global: 3 });
    const env = { ...base, RINGTRACE_EXPENSIVE_PER_CALLER: '2', RINGTRACE_EXPENSIVE_GLOBAL: '4' };
    expect(loadConfig(env).concurrency).toEqual({ perCaller: 2, global: 4 });
  });
  it('refuses 0, naming the variable', () => {
    expect(() => loadConfig({ ...base, RINGTRACE_EXPENSIVE_GLOBAL: '0' })).toThrow(/^RINGTRACE_EXPENSIVE_GLOBAL/);
  });
});
