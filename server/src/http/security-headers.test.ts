/**
 * Security headers on every response the app sends, through app.fetch: the API (answers and refusals:
 * 401, 403, 413, 429), the probes, the static web app and its 404s, and refused preflights.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { demoApp, type DemoApp } from '../testing/demo-app.js';
import { createTestAuth, type TestAuth } from '../testing/test-auth.js';
import { CONTENT_SECURITY_POLICY, HSTS, securityHeaders } from './security-headers.js';

let api: DemoApp;
let auth: TestAuth;
let web: string;
let app: App;

beforeAll(async () => {
  api = await demoApp();
  auth = await createTestAuth();
  web = await mkdtemp(join(tmpdir(), 'ringtrace-web-'));
  await mkdir(join(web, 'assets'));
  await writeFile(join(web, 'index.html'), '<!doctype html><title>Ringtrace</title>');
  await writeFile(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
  app = createApp({
    store: api.store,
    logger: pino({ level: 'silent' }),
    authenticator: auth.authenticator,
    webRoot: web,
    limits: { maxBodyBytes: 2048 },
    rateLimit: { perSecond: 3, burst: 0 },
  });
}, 120_000);
afterAll(async () => {
  await rm(web, { recursive: true, force: true });
  await auth?.dispose();
  await api?.dispose();
});

const EXPECTED = securityHeaders({ behindTls: false });

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(EXPECTED)) expect(response.headers.get(name), name).toBe(value);
  expect(response.headers.get('strict-transport-security')).toBeNull();
}

const gql = (query: string, headers: Record<string, string> = {}, body?: string) =>
  app.fetch('http://ringtrace.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body ?? JSON.stringify({ query }),
  });

describe('the policy', () => {
  it('is the strict one for the web app', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; " +
        "object-src 'none'",
    );
    expect(EXPECTED).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(EXPECTED['permissions-policy']).toContain('camera=()');
  });

  it('adds Strict-Transport-Security only behind TLS', () => {
    expect(securityHeaders({ behindTls: true })['strict-transport-security']).toBe(HSTS);
    expect(securityHeaders({ behindTls: false })['strict-transport-security']).toBeUndefined();
  });
});

describe('every response carries the headers', () => {
  it('an API answer', async () => {
    const response = await gql('{ stats { engine } }', auth.headers('viewer'));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });

  it('a 401 (no token)', async () => {
    const response = await gql('{ stats { engine } }');
    expect(response.status).toBe(401);
    expectSecurityHeaders(response);
  });

  it('a 403 (a right the role lacks)', async () => {
    const response = await gql('{ runCypher(query: "RETURN 1") { rows } }', auth.headers('viewer'));
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
  });

  it('a 429 (over the rate limit)', async () => {
    for (let i = 0; i < 3; i++) await gql('{ stats { engine } }', auth.headers('loader'));
    const response = await gql('{ stats { engine } }', auth.headers('loader'));
    expect(response.status).toBe(429);
    expectSecurityHeaders(response);
  });

  it('a 429 that replaced a 401 (too many refusals from one address)', async () => {
    const throttled = createApp({
      store: api.store,
      logger: pino({ level: 'silent' }),
      authenticator: auth.authenticator,
      rateLimit: { perSecond: 1, burst: 0, unauthenticatedPerMinute: 1 },
    });
    const send = () => throttled.fetch('http://ringtrace.test/graphql', { method: 'POST', body: '{}' });
    expect((await send()).status).toBe(401);
    const response = await send();
    expect(response.status).toBe(429);
    expectSecurityHeaders(response);
  });

  it('a 413 (body over the cap)', async () => {
    const big = JSON.stringify({ query: '{ stats { engine } }', variables: { pad: 'x'.repeat(4096) } });
    const response = await gql('', auth.headers('analyst'), big);
    expect(response.status).toBe(413);
    expectSecurityHeaders(response);
  });

  it('the probes', async () => {
    for (const path of ['/health', '/ready']) {
      const response = await app.fetch(`http://ringtrace.test${path}`);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response);
    }
  });

  it('the web app, its assets and a missing file', async () => {
    for (const [path, status] of [
      ['/', 200],
      ['/assets/app-1234.js', 200],
      ['/assets/missing.js', 404],
    ] as const) {
      const response = await app.fetch(`http://ringtrace.test${path}`);
      expect(response.status, path).toBe(status);
      expectSecurityHeaders(response);
    }
  });

  it('a refused preflight', async () => {
    const response = await app.fetch('http://ringtrace.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
  });

  it('HSTS on every response when behind TLS', async () => {
    const tls = createApp({
      store: api.store,
      logger: pino({ level: 'silent' }),
      authenticator: auth.authenticator,
      behindTls: true,
    });
    for (const path of ['/health', '/graphql']) {
      const response = await tls.fetch(`http://ringtrace.test${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
      });
      expect(response.headers.get('strict-transport-security'), path).toBe(HSTS);
    }
  });
});
