import type { Config } from '../config.js';
import { openStore } from '../store/open-store.js';
import type { GraphStore } from '../store/port.js';

/** Opens the configured store for one command and always closes it (Kuzu must be closed cleanly). */
export async function withStore<T>(config: Config, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
