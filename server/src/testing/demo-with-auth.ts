/**
 * The demo case and a token store with one token per role, for a test file: opened before its tests,
 * disposed after them. Call it at the top of the file; read `api` and `auth`, and `post` as a role, inside the tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../app.js';
import type { Role } from '../domain/access/rights.js';
import { demoApp, type DemoApp } from './demo-app.js';
import { createTestAuth, type TestAuth } from './test-auth.js';

/** An answer to `post`: status, headers and the parsed GraphQL body. */
export interface PostedAnswer {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface DemoWithAuth {
  readonly api: DemoApp;
  readonly auth: TestAuth;
  /** A GraphQL POST to `app` with `role`'s token. */
  post(app: App, role: Role, query: string, variables?: Record<string, unknown>): Promise<PostedAnswer>;
}

const ENDPOINT = 'http://ringtrace.test/graphql';

export function demoWithAuth(): DemoWithAuth {
  const opened: { api?: DemoApp; auth?: TestAuth } = {};
  beforeAll(async () => {
    opened.api = await demoApp();
    opened.auth = await createTestAuth();
  }, 120_000);
  afterAll(async () => {
    await opened.auth?.dispose();
    await opened.api?.dispose();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is read before the file's beforeAll opened it`);
    return value;
  };
  const handle: DemoWithAuth = {
    async post(app, role, query, variables = {}) {
      const response = await app.fetch(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...handle.auth.headers(role) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    get api() {
      return ready(opened.api, 'the demo app');
    },
    get auth() {
      return ready(opened.auth, 'the test tokens');
    },
  };
  return handle;
}
