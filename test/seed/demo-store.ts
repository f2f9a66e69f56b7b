import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKuzuStore } from '@ringtrace/server/store/kuzu/index.js';
import type { GraphStore } from '@ringtrace/server/store/port.js';

/** A fresh embedded store in a temporary directory; `dispose` closes it and removes the files. */
export async function freshStore(): Promise<{ store: GraphStore; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-seed-'));
  const store = createKuzuStore({ path: join(dir, 'graph.kuzu') });
  await store.init();
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
