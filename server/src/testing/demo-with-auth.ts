/**
 * The demo case and a token store with one token per role, for a test file: opened before its tests,
 * disposed after them. Call it at the top of the file; read `api` and `auth` inside the tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { demoApp, type DemoApp } from './demo-app.js';
import { createTestAuth, type TestAuth } from './test-auth.js';

export interface DemoWithAuth {
  readonly api: DemoApp;
  readonly auth: TestAuth;
}

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
  return {
    get api() {
      return ready(opened.api, 'the demo app');
    },
    get auth() {
      return ready(opened.auth, 'the test tokens');
    },
  };
}
