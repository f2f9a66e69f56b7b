/** The store contract on the embedded engine: a fresh database file per describe block in a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKuzuStore } from '@ringtrace/server/store/kuzu/index.js';
import { afterAll } from 'vitest';
import { defineStoreContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'ringtrace-contract-'));
let n = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

defineStoreContract('embedded', async () => {
  const store = createKuzuStore({ path: join(dir, `db-${++n}.kuzu`), bufferPoolBytes: 256 * 1024 * 1024 });
  await store.init();
  return store;
});
