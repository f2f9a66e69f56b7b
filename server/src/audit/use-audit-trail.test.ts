import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import type { Role } from '../domain/access/rights.js';
import { demoApp, type DemoApp } from '../testing/demo-app.js';
import { openAuditTrail, type AuditTrail } from './audit-trail.js';
import type { AuditEntry } from './entry.js';
import { REMOVED } from './scrub.js';

let demo: DemoApp;
let app: App;
let trail: AuditTrail;

beforeAll(async () => {
  demo = await demoApp();
  trail = openAuditTrail({ dataDir: demo.dataDir, logger: pino({ level: 'silent' }), flushMs: 5 });
  // The demo's store and tokens, in an app that records (as serve.ts builds it).
  app = createApp({
    store: demo.store,
    logger: pino({ level: 'silent' }),
    authenticator: demo.authenticator,
    audit: trail,
    limits: { maxBodyBytes: 4096 },
  });
});
afterAll(async () => {
  await trail?.close();
  await demo?.dispose();
});

async function post(role: Role | null, body: unknown, init: { path?: string; headers?: Record<string, string> } = {}) {
  const response = await app.fetch(`http://ringtrace.test${init.path ?? '/graphql'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(role && { authorization: `Bearer ${demo.tokenFor(role)}` }),
      ...init.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, length: Buffer.byteLength(text) };
}

/** The entries recorded since `after` (flushing first). */
async function since(after: number): Promise<AuditEntry[]> {
  return (await trail.read({ after, first: 1000 })).entries;
}

const last = async () => (await trail.head()).seq;

describe('recording every request', () => {
  it('a GraphQL operation: who, name, type, variables, outcome, size and time', async () => {
    const before = await last();
    const answer = await post('admin', {
      query: 'query Find($text: String!) { search(text: $text, first: 3) { edges { node { id } } } }',
      variables: { text: 'moscow' },
      operationName: 'Find',
    });
    expect(answer.status).toBe(200);
    const [entry, ...more] = await since(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      who: { role: 'admin', via: 'token' },
      action: { kind: 'graphql', name: 'Find', type: 'query', variables: { text: 'moscow' } },
      outcome: { status: 'ok', httpStatus: 200 },
      size: { bytes: answer.length },
    });
    expect(entry!.who!.id).toMatch(/^token:/);
    expect(entry!.durationMs).toBeGreaterThan(0);
  });

  it('an anonymous operation is named by its type; a field error records its code', async () => {
    const before = await last();
    await post('admin', { query: '{ neighbourhood(ids: ["phone:+70000000000"]) { entities { id } } }' });
    const [entry] = await since(before);
    expect(entry!.action).toMatchObject({ name: 'anonymous query', type: 'query' });
    expect(entry!.outcome).toMatchObject({ status: 'error', code: 'NOT_FOUND', httpStatus: 200 });
  });

  it('a document that does not parse: named as such, with its variables and the parse error', async () => {
    const before = await last();
    await post('admin', { query: '{ stats { engine ', variables: { a: 1 } });
    const [entry] = await since(before);
    expect(entry).toMatchObject({
      action: { kind: 'graphql', name: 'unparsed document', variables: { a: 1 } },
      outcome: { status: 'error', code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(entry!.action.type).toBeUndefined();
  });

  it('counts top-level items of the result', async () => {
    const before = await last();
    await post('admin', { query: '{ entities(ids: ["country:RU", "country:DE"]) { id } }' });
    const [entry] = await since(before);
    expect(entry!.size.items).toBe(2);
  });

  it('an operation the role may not run: denied, FORBIDDEN, 403', async () => {
    const before = await last();
    const answer = await post('viewer', { query: 'query Rows { runCypher(query: "RETURN 1 AS x") { rows } }' });
    expect(answer.status).toBe(403);
    const [entry] = await since(before);
    expect(entry).toMatchObject({
      who: { role: 'viewer' },
      action: { kind: 'graphql', name: 'Rows', type: 'query' },
      outcome: { status: 'denied', code: 'FORBIDDEN', httpStatus: 403 },
    });
  });

  it('no token: unauthenticated, 401, nobody, the body never read', async () => {
    const before = await last();
    const answer = await post(null, { query: 'query Secret { stats { engine } }' });
    expect(answer.status).toBe(401);
    const [entry] = await since(before);
    expect(entry).toMatchObject({
      who: null,
      action: { kind: 'graphql', name: 'POST /graphql' },
      outcome: { status: 'unauthenticated', code: 'UNAUTHENTICATED', httpStatus: 401 },
    });
    expect(entry!.action.variables).toBeUndefined();
  });

  it('a bad token is recorded without the token', async () => {
    const before = await last();
    const forged = `rt_0123456789abcdef_${'x'.repeat(43)}`;
    await post(null, { query: '{ stats { engine } }' }, { headers: { authorization: `Bearer ${forged}` } });
    const text = JSON.stringify(await since(before));
    expect(text).toContain('"unauthenticated"');
    expect(text).not.toContain('x'.repeat(43));
  });

  it('secrets in variables never reach the trail', async () => {
    const before = await last();
    const secret = `rt_0123456789abcdef_${'s'.repeat(43)}`;
    await post('admin', {
      query: 'query S($text: String!, $token: String) { search(text: $text, first: 1) { totalCount } }',
      variables: { text: `find ${secret}`, token: 'hunter2' },
    });
    const [entry] = await since(before);
    expect(entry!.action.variables).toEqual({ text: `find rt_0123456789abcdef_${REMOVED}`, token: REMOVED });
  });

  it('a body over the limit: 413, LIMIT_EXCEEDED', async () => {
    const before = await last();
    const answer = await post('admin', { query: `{ stats { engine } } # ${'x'.repeat(5000)}` });
    expect(answer.status).toBe(413);
    const [entry] = await since(before);
    expect(entry!.outcome).toMatchObject({ status: 'error', code: 'LIMIT_EXCEEDED', httpStatus: 413 });
  });

  it('import endpoint calls: the run list, and a refused import', async () => {
    const before = await last();
    const runs = await app.fetch('http://ringtrace.test/import/runs', {
      headers: { authorization: `Bearer ${demo.tokenFor('loader')}` },
    });
    const runsText = await runs.text();
    expect(runs.status).toBe(200);
    const refused = await post('viewer', 'a,b\n', { path: '/import?mapping=cdr&name=x.csv' });
    expect(refused.status).toBe(403);
    const [list, denied] = await since(before);
    expect(list).toMatchObject({
      who: { role: 'loader' },
      action: { kind: 'http', name: 'GET /import/runs' },
      outcome: { status: 'ok', httpStatus: 200 },
      size: { bytes: Buffer.byteLength(runsText) },
    });
    expect(denied).toMatchObject({
      who: { role: 'viewer' },
      action: { kind: 'http', name: 'POST /import', variables: { mapping: 'cdr', name: 'x.csv' } },
      outcome: { status: 'denied', code: 'FORBIDDEN', httpStatus: 403 },
    });
  });

  it('probes are not recorded', async () => {
    const before = await last();
    expect((await app.fetch('http://ringtrace.test/health')).status).toBe(200);
    expect(await since(before)).toEqual([]);
  });
});

describe('the audit queries', () => {
  const gql = async (role: Role, query: string, variables: Record<string, unknown> = {}) =>
    JSON.parse((await post(role, { query, variables })).text) as {
      data?: { auditTrail?: { entries: AuditEntry[]; hasMore: boolean; nextAfter: number | null }; auditVerification?: unknown };
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    };

  it("records the client's address (the socket's here; no proxy is trusted), and admins read it", async () => {
    const before = await last();
    const response = await app.fetch(
      'http://ringtrace.test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.tokenFor('admin')}` },
        body: JSON.stringify({ query: '{ stats { engine } }' }),
      },
      { req: { socket: { remoteAddress: '192.0.2.10' }, headers: { 'x-forwarded-for': '203.0.113.9' } } },
    );
    expect(response.status).toBe(200);
    const [entry] = await since(before);
    expect(entry).toMatchObject({ from: '192.0.2.10', outcome: { status: 'ok' } });
    const page = await gql('admin', `{ auditTrail(after: ${before}, first: 1) { entries { seq from } } }`);
    expect(page.data!.auditTrail!.entries).toEqual([{ seq: before + 1, from: '192.0.2.10' }]);
    expect((await trail.verify()).ok).toBe(true);
  });

  it('admins page through the trail with filters', async () => {
    const page = await gql(
      'admin',
      'query { auditTrail(first: 2, outcome: "denied") { entries { seq who { role } action { name } outcome { status code } } hasMore nextAfter } }',
    );
    expect(page.errors).toBeUndefined();
    const entries = page.data!.auditTrail!.entries;
    expect(entries.length).toBe(2);
    expect(entries.every((e) => e.outcome.status === 'denied')).toBe(true);
    expect(page.data!.auditTrail!.hasMore).toBe(false);
  });

  it('refuses a page over the bound, naming it', async () => {
    const page = await gql('admin', '{ auditTrail(first: 5000) { hasMore } }');
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'first' });
  });

  it('admins verify it; anyone else is refused with 403 naming audit:read', async () => {
    const verified = await gql('admin', '{ auditVerification { ok entries head { seq hash } problem { line } warnings } }');
    expect(verified.data!.auditVerification).toMatchObject({ ok: true, problem: null, warnings: [] });
    const refused = await gql('loader', '{ auditTrail { hasMore } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', right: 'audit:read' });
  });
});
