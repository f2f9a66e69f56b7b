/** For API tests: the demo case loaded once into a fresh embedded store, and a GraphQL helper over `app.fetch`. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR } from '@ringtrace/seed';
import { pino } from 'pino';
import { createApp, type App } from '../app.js';
import { loadCaseBundle } from '../ingest/case-bundle/index.js';
import { openStore } from '../store/open-store.js';
import type { GraphStore } from '../store/port.js';

/** SHA-256 of the press report the demo case cites (seed/demo/bundle.json). */
export const REPORT_SHA = '1ccc26287a948bc2ed7450526533a8a0a34484fd339f57dea92b0fd768b2df65';

export interface DemoApp {
  readonly app: App;
  readonly store: GraphStore;
  /** POSTs a document; `body` is the parsed GraphQL response. */
  gql(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }>;
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
  const real = await openStore({ dataDir: join(dir, 'data'), neo4j: null, bufferPoolMb: 256, queryTimeoutMs: 30_000 });
  await loadCaseBundle(real, DEMO_DIR, { loadedBy: 'api-test', importRun: 'api-test-run' });
  const app = createApp({ store: store ? store(real) : real, logger: pino({ level: 'silent' }) });
  return {
    app,
    store: real,
    async gql(query, variables = {}) {
      const response = await app.fetch('http://ringtrace.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async dispose() {
      await real.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
