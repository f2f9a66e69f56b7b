/**
 * One Database per file per process. Kuzu's file lock is per process, so a second Database on the
 * same file in the same process opens without complaint, and its writes are silently lost (quirks.test.ts).
 * Stores on one path share the Database; the last one to close closes it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Database } from 'kuzu';

interface Entry {
  readonly database: Database;
  refs: number;
  queue: Promise<unknown>;
}

const open = new Map<string, Entry>();

export interface SharedDatabase {
  readonly path: string;
  readonly database: Database;
  /** Runs `work` when every write queued before it on this Database has finished. */
  serialize<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the Database back; closes it when no store holds it any more. */
  release(): Promise<void>;
}

export function acquireDatabase(path: string, bufferPoolBytes: number): SharedDatabase {
  const key = resolve(path);
  let entry = open.get(key);
  if (!entry) {
    mkdirSync(dirname(key), { recursive: true });
    // Opening is lazy: a lock held by another process shows on the first query, not here.
    entry = { database: new Database(key, bufferPoolBytes), refs: 0, queue: Promise.resolve() };
    open.set(key, entry);
  }
  entry.refs++;
  let released = false;
  const held = entry;
  return {
    path: key,
    database: held.database,
    serialize<T>(work: () => Promise<T>): Promise<T> {
      const next = held.queue.then(work);
      held.queue = next.catch(() => undefined);
      return next;
    },
    async release() {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs === 0) {
        open.delete(key);
        await held.database.close();
      }
    },
  };
}

/** How many stores share the Database of a path (for tests). */
export const sharedCount = (path: string) => open.get(resolve(path))?.refs ?? 0;
