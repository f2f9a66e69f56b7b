import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { demoApp, type DemoApp } from '../testing/demo-app.js';
import { openAuditTrail, type AuditTrail } from './audit-trail.js';

let demo: DemoApp;
let app: App;
let trail: AuditTrail;

beforeAll(async () => {
  demo = await demoApp();
  trail = openAuditTrail({ dataDir: demo.dataDir, logger: pino({ level: 'silent' }), flushMs: 5 });
  // A tight rate limit, so the second request of a caller is refused.
  app = createApp({
    store: demo.store,
    logger: pino({ level: 'silent' }),
    authenticator: demo.authenticator,
    audit: trail,
    rateLimit: { perSecond: 1, burst: 0 },
  });
});
afterAll(async () => {
  await trail?.close();
  await demo?.dispose();
});

describe('recording refusals of the hardened app', () => {
  it('a caller over the rate limit: 429, LIMIT_EXCEEDED, still named', async () => {
    const ask = () =>
      app.fetch('http://ringtrace.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.tokenFor('analyst')}` },
        body: JSON.stringify({ query: 'query Engine { stats { engine } }' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask()).status);
    expect(statuses).toContain(429);
    const { entries } = await trail.read({ first: 1000 });
    const limited = entries.filter((e) => e.outcome.httpStatus === 429);
    expect(limited.length).toBe(statuses.filter((s) => s === 429).length);
    expect(limited[0]).toMatchObject({
      who: { role: 'analyst' },
      action: { kind: 'graphql' },
      outcome: { status: 'error', code: 'LIMIT_EXCEEDED', httpStatus: 429 },
    });
  });

  it('CSRF refusals (a GET without the header) are recorded as 403 errors, not as denied', async () => {
    const before = (await trail.head()).seq;
    const response = await app.fetch('http://ringtrace.test/graphql?query=%7B__typename%7D', {
      headers: { authorization: `Bearer ${demo.tokenFor('viewer')}` },
    });
    expect(response.status).toBe(403);
    const { entries } = await trail.read({ after: before });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.outcome).toMatchObject({ status: 'error', httpStatus: 403 });
    expect(entries[0]!.outcome.code).not.toBe('FORBIDDEN');
  });
});
