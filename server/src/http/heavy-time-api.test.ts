/**
 * The server-time budget and the refusal hold through the app (app.fetch, the demo case, real tokens):
 * a caller alone is never cut short; once another caller shares the server, an expensive operation's
 * timeout is cut to what its caller has left, a caller in debt is refused (429, bound `serverTime`), and
 * the refusal is held before it is sent. The store's runRead is gated so an operation takes as long as
 * the test needs, and records the read options the limits passed down.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import type { Role } from '../domain/access/rights.js';
import type { GraphStore } from '../store/port.js';
import { gatedStore } from '../testing/gated-store.js';
import { demoWithAuth } from '../testing/demo-with-auth.js';

const CYPHER = 'query Q($q: String!, $t: Int) { runCypher(query: $q, timeoutMs: $t) { columns } }';
const STATS = '{ stats { engine } }';
const demo = demoWithAuth();

/** 400 ms of server time at most, regained at 10 ms a second: one slow operation spends it. */
const BUDGET = { perSecondMs: 10, burstMs: 400 };
const HOLD_MS = 300;

const appWith = (store: GraphStore): App =>
  createApp({
    store,
    logger: pino({ level: 'silent' }),
    authenticator: demo.auth.authenticator,
    concurrency: { perCaller: 1, global: 3 },
    heavyTime: BUDGET,
    refusalHold: { maxMs: HOLD_MS, maxHeld: 10 },
  });

const post = demo.post;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An ad-hoc query the gate holds for `ms`: it takes that much of its caller's server time. */
async function slowCypher(gated: ReturnType<typeof gatedStore>, app: App, role: Role, ms: number) {
  gated.hold();
  const running = post(app, role, CYPHER, { q: 'RETURN 1 AS one' });
  await sleep(ms);
  gated.open();
  return running;
}

describe('server-time budget for expensive operations', () => {
  it('never binds a caller alone on the server, though it is charged', async () => {
    const gated = gatedStore(demo.api.store);
    const app = appWith(gated.store);
    expect((await slowCypher(gated, app, 'analyst', 500)).status).toBe(200);
    // In debt now, but still alone: the next one runs, with its own timeout.
    const again = await post(app, 'analyst', CYPHER, { q: 'RETURN 1 AS one', t: 20_000 });
    expect(again.status).toBe(200);
    expect(gated.reads.at(-1)).toEqual({ rowCap: expect.any(Number), timeoutMs: 20_000 });
  });

  it('once the server is shared: refuses a caller in debt (held first), and cuts timeouts to what is left', async () => {
    const gated = gatedStore(demo.api.store);
    const app = appWith(gated.store);
    expect((await slowCypher(gated, app, 'analyst', 500)).status).toBe(200);
    // Another caller shares the server now.
    expect((await post(app, 'viewer', STATS)).status).toBe(200);
    const started = performance.now();
    const refused = await post(app, 'analyst', CYPHER, { q: 'RETURN 1 AS one' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(HOLD_MS - 5);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(40);
    expect(refused.body.errors[0].message).toMatch(/server time for expensive operations is spent.*heavyTimeBudget/);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      bound: 'serverTime',
      limit: 'heavyTimeBudget',
      max: 400,
    });
    // Another caller with its bucket full: its timeout is cut to the 400 ms it holds.
    const cut = await post(app, 'admin', CYPHER, { q: 'RETURN 1 AS one', t: 20_000 });
    expect(cut.status).toBe(200);
    expect(gated.reads.at(-1)?.budgetMs).toBeCloseTo(400, -1);
    // Cheap operations are never counted against the budget.
    expect((await post(app, 'analyst', STATS)).status).toBe(200);
  });

  it('names the budget when a cut timeout is hit', async () => {
    // The embedded engine itself: a query that outlasts the 400 ms the budget leaves.
    const app = appWith(demo.api.store);
    expect((await post(app, 'viewer', STATS)).status).toBe(200);
    const slow = await post(app, 'analyst', CYPHER, {
      // An interruptible join (store/kuzu/run-read.test.ts): Kuzu stops it soon after the deadline.
      q: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a + b = 3 RETURN count(*) AS n',
      t: 20_000,
    });
    const error = slow.body.errors?.[0];
    expect(error?.extensions?.code).toBe('TIMEOUT');
    expect(error?.message).toMatch(/all that was left of this caller's server time.*heavyTimeBudget.*20000 ms/);
  });
});
