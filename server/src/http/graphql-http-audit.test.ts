/**
 * graphql-http's audit suite (its `serverAudits`, the GraphQL-over-HTTP spec's checks) against the app on
 * the embedded engine, in-process through app.fetch and over a real port: every MUST passes; a SHOULD
 * or MAY that does not is listed with its reason in server/README.md ("graphql-http audit").
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAudits, type AuditResult } from 'graphql-http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../app.js';
import { openStore } from '../store/open-store.js';
import type { GraphStore } from '../store/port.js';
import { createTestAuth, type TestAuth } from '../testing/test-auth.js';

let dir: string;
let store: GraphStore;
let app: App;
let server: Server;
let port: number;
let auth: TestAuth;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-audit-'));
  store = await openStore({ dataDir: join(dir, 'data'), neo4j: null, bufferPoolMb: 128, queryTimeoutMs: 10_000 });
  auth = await createTestAuth({ dataDir: join(dir, 'data') });
  app = createApp({ store, logger: pino({ level: 'silent' }), authenticator: auth.authenticator });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The audit's requests, signed in (as a viewer: every audit reads `__typename` or a query field). */
const signedIn =
  (fetchFn: Fetch): Fetch =>
  (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${auth.tokenFor('viewer')}`);
    return fetchFn(input, { ...init, headers });
  };

async function audit(fetchFn: Fetch, url: string): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  // One at a time: the results are compared by id, and the app is shared.
  for (const { fn } of serverAudits({ url, fetchFn })) results.push(await fn());
  return results;
}

const failing = (results: AuditResult[]) => results.filter((r) => r.status !== 'ok');
const describeResult = (r: AuditResult) => `${r.id} ${r.name}${r.status === 'ok' ? '' : `: ${r.reason}`}`;

/** The audit ids server/README.md lists as not passing, from its "graphql-http audit" table. */
async function listedInReadme(): Promise<string[]> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /## graphql-http audit\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\| `([0-9A-Z]{4})` +\|/gm)].map((m) => m[1]!);
}

describe.each([
  [
    'in-process (app.fetch)',
    () => ({
      fetchFn: signedIn(((input, init) => app.fetch(new Request(input, init))) as Fetch),
      url: 'http://ringtrace.test/graphql',
    }),
  ],
  ['over HTTP', () => ({ fetchFn: signedIn(fetch as Fetch), url: `http://127.0.0.1:${port}/graphql` })],
])('graphql-http audit, %s', (_, target) => {
  let results: AuditResult[];
  beforeAll(async () => {
    const { fetchFn, url } = target();
    results = await audit(fetchFn, url);
  });

  it('runs the whole suite', () => {
    expect(results.length).toBeGreaterThan(50);
  });

  it('passes every MUST', () => {
    const must = results.filter((r) => r.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    expect(failing(must).map(describeResult)).toEqual([]);
  });

  it('passes every SHOULD and MAY except those server/README.md lists with their reason', async () => {
    const listed = await listedInReadme();
    expect(
      failing(results)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...listed].sort());
  });

  it('fails only MAYs, and only for CSRF prevention: with its header every audit passes', async () => {
    expect(failing(results).every((r) => r.name.startsWith('MAY'))).toBe(true);
    const { fetchFn, url } = target();
    const withHeader: Fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set(CSRF_HEADER, '1');
      return fetchFn(input, { ...init, headers });
    };
    expect(failing(await audit(withHeader, url)).map(describeResult)).toEqual([]);
  });
});
