/**
 * Strict CORS through app.fetch: by default no origin is allowed (no Access-Control-Allow-Origin
 * anywhere, preflights refused); listed origins get exactly their own origin back, never credentials.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../app.js';
import { demoWithAuth } from '../testing/demo-with-auth.js';
import { CORS_MAX_AGE_SECONDS, isExactOrigin } from './cors.js';

const UI = 'https://ui.example.org';
const FOREIGN = 'https://evil.example';
const demo = demoWithAuth();

const appWith = (corsOrigins?: string[]): App =>
  createApp({
    store: demo.api.store,
    logger: pino({ level: 'silent' }),
    authenticator: demo.auth.authenticator,
    corsOrigins,
  });

const post = (app: App, origin: string, headers: Record<string, string> = demo.auth.headers('viewer')) =>
  app.fetch('http://ringtrace.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: JSON.stringify({ query: '{ stats { engine } }' }),
  });

const preflight = (app: App, origin: string, path = '/graphql') =>
  app.fetch(`http://ringtrace.test${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('by default (no RINGTRACE_CORS_ORIGINS)', () => {
  const app = () => appWith();

  it('answers a cross-origin request without any CORS header (the browser keeps the answer from the page)', async () => {
    const response = await post(app(), FOREIGN);
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual([]);
  });

  it('refuses every preflight, with no CORS header, before authentication (no 401)', async () => {
    for (const path of ['/graphql', '/import', '/']) {
      const response = await preflight(app(), FOREIGN, path);
      expect(response.status, path).toBe(403);
      expect(corsHeaders(response), path).toEqual([]);
    }
  });

  it('adds no CORS header to a 401, a probe or a same-origin request either', async () => {
    expect(corsHeaders(await post(app(), FOREIGN, {}))).toEqual([]);
    expect(corsHeaders(await app().fetch('http://ringtrace.test/health', { headers: { origin: FOREIGN } }))).toEqual(
      [],
    );
    expect(corsHeaders(await post(app(), 'http://ringtrace.test'))).toEqual([]);
  });
});

describe('with listed origins', () => {
  const app = () => appWith([UI, 'http://localhost:5173']);

  it('gives a listed origin exactly its origin back, with no credentials', async () => {
    const response = await post(app(), UI);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives a foreign origin nothing', async () => {
    const response = await post(app(), FOREIGN);
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it("answers a listed origin's preflight: its origin, GET and POST, the headers the API takes", async () => {
    const response = await preflight(app(), UI);
    expect(response.status).toBe(204);
    expect(Object.fromEntries(corsHeaders(response).map((n) => [n, response.headers.get(n)]))).toEqual({
      'access-control-allow-origin': UI,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': `authorization, content-type, ${CSRF_HEADER}`,
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    });
  });

  it("refuses a foreign origin's preflight", async () => {
    const response = await preflight(app(), FOREIGN);
    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual([]);
  });

  it('lets a listed origin read a 401 (the page can tell the person to sign in)', async () => {
    const response = await post(app(), UI, {});
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI);
  });

  it('matches origins exactly (no prefix, no other scheme or port)', async () => {
    for (const near of ['https://ui.example.org.evil.example', 'http://ui.example.org', 'https://ui.example.org:444']) {
      expect(corsHeaders(await post(app(), near)), near).toEqual([]);
    }
  });
});

describe('isExactOrigin', () => {
  it('takes scheme://host[:port] only', () => {
    expect(isExactOrigin('https://ui.example.org')).toBe(true);
    expect(isExactOrigin('http://localhost:5173')).toBe(true);
    for (const bad of [
      '*',
      'https://ui.example.org/',
      'https://ui.example.org/app',
      'ui.example.org',
      'ftp://x.org',
      'null',
    ]) {
      expect(isExactOrigin(bad), bad).toBe(false);
    }
  });
});
