/** For tests: a fresh embedded store in a temporary directory, and its removal. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../store/open-store.js';
import type { GraphStore } from '../../../store/port.js';

export async function tempStore(): Promise<{ store: GraphStore; dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-import-'));
  const store = await openStore({ dataDir: join(dir, 'data'), neo4j: null, bufferPoolMb: 256, queryTimeoutMs: 60_000 });
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The sample files of the built-in mappings (seed/samples/import). */
export const SAMPLES = new URL('../../../../../seed/samples/import/', import.meta.url).pathname;
/** The EtherScamDB sample, read where it is (never copied into the repository). */
export const ETHERSCAMDB = '/work/shared/samples/etherscamdb/scams.yaml';
