/**
 * For API tests: the demo case loaded once into a fresh embedded store, real API tokens for every role
 * in the same data directory, and GraphQL helpers over `app.fetch` (signed in as admin by default).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR } from '@ringtrace/seed';
import { pino } from 'pino';
import { createApp, type App } from '../app.js';
import type { Authenticator } from '../auth/index.js';
import type { Role } from '../domain/access/rights.js';
import { loadCaseBundle } from '../ingest/case-bundle/index.js';
import { openStore } from '../store/open-store.js';
import type { GraphStore } from '../store/port.js';
import { createTestAuth } from './test-auth.js';

/** SHA-256 of the press report the demo case cites (seed/demo/bundle.json). */
export const REPORT_SHA = '1ccc26287a948bc2ed7450526533a8a0a34484fd339f57dea92b0fd768b2df65';

export type GqlAnswer = { status: number; body: GraphQLBody };

export interface DemoApp {
  readonly app: App;
  readonly store: GraphStore;
  /** The data directory (tokens.json is there, beside graph.kuzu). */
  readonly dataDir: string;
  /** The token store's authenticator, for tests that build another app over the same store. */
  readonly authenticator: Authenticator;
  /** POSTs a document as admin; `body` is the parsed GraphQL response. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GqlAnswer>;
  /** The same as a role, or with no token at all (`null`). */
  gqlAs(role: Role | null, query: string, variables?: Record<string, unknown>): Promise<GqlAnswer>;
  /** A real token of that role, for raw `app.fetch` with `authorization: Bearer <token>`. */
  tokenFor(role: Role): string;
  /** The caller id a request with that role's token runs as (`token:<id>`): what edits record. */
  callerIdOf(role: Role): string;
  dispose(): Promise<void>;
}

export interface GraphQLBody {
  // Tests read deep into results; `any` keeps them short, the assertions check the shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly data?: any;
  readonly errors?: ReadonlyArray<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export async function demoApp(store?: (real: GraphStore) => GraphStore): Promise<DemoApp> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-api-'));
  const dataDir = join(dir, 'data');
  const real = await openStore({ dataDir, neo4j: null, bufferPoolMb: 256, queryTimeoutMs: 30_000 });
  await loadCaseBundle(real, DEMO_DIR, { loadedBy: 'api-test', importRun: 'api-test-run' });
  const auth = await createTestAuth({ dataDir });
  const app = createApp({
    store: store ? store(real) : real,
    logger: pino({ level: 'silent' }),
    authenticator: auth.authenticator,
  });
  const gqlAs = async (role: Role | null, query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.fetch('http://ringtrace.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(role && auth.headers(role)) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  };
  return {
    app,
    store: real,
    dataDir,
    authenticator: auth.authenticator,
    gql: (query, variables) => gqlAs('admin', query, variables),
    gqlAs,
    tokenFor: auth.tokenFor,
    callerIdOf: (role) => `token:${auth.tokenFor(role).slice('rt_'.length, 'rt_'.length + 16)}`,
    async dispose() {
      await real.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
