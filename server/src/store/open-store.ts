/**
 * Composition: picks the engine from the configuration. Kuzu (embedded) when NEO4J_URI is unset,
 * Neo4j otherwise. Besides the adapters themselves, this is the only module that imports them.
 * They are imported lazily so that one engine's native code or driver is never loaded for the other.
 */

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import type { GraphStore } from './port.js';

/** The embedded database file inside RINGTRACE_DATA; the directory leaves room for other state. */
export const embeddedDatabasePath = (dataDir: string) => join(dataDir, 'graph.kuzu');

export type StoreConfig = Pick<Config, 'dataDir' | 'neo4j' | 'bufferPoolMb' | 'queryTimeoutMs'>;

/** Kuzu locks its file per process: a second process fails with "Could not set lock on file". */
function isLockError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
  return /could not set lock/i.test(text);
}

async function createStore(config: StoreConfig): Promise<GraphStore> {
  if (config.neo4j) {
    const { createNeo4jStore } = await import('./neo4j/index.js');
    const { uri, user, password, database } = config.neo4j;
    return createNeo4jStore({
      uri,
      user,
      password,
      ...(database !== undefined && { database }),
      queryTimeoutMs: config.queryTimeoutMs,
    });
  }
  await mkdir(config.dataDir, { recursive: true });
  const { createKuzuStore } = await import('./kuzu/index.js');
  return createKuzuStore({
    path: embeddedDatabasePath(config.dataDir),
    bufferPoolBytes: config.bufferPoolMb * 1024 * 1024,
    queryTimeoutMs: config.queryTimeoutMs,
  });
}

/** Opens and initialises the configured store (schema created if missing). */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  const store = await createStore(config);
  try {
    await store.init();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    if (!config.neo4j && isLockError(error)) {
      throw new DomainError(
        'UNAVAILABLE',
        `the embedded database in ${config.dataDir} is in use by another process ` +
          '(a running Ringtrace server?): stop it first, or use another data directory',
        { cause: error },
      );
    }
    throw error;
  }
}
