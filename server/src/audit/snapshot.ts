/**
 * A consistent view of the trail for readers: the head and the file's size taken together under the
 * writers' lock (so they match a batch boundary), then read without it (writers only append past that
 * size). A reader that cannot take the lock (a read-only copy of the directory) reads without it.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { readHead, type AuditPaths, type Head } from './audit-file.js';

export interface Snapshot {
  readonly head: Head | undefined | 'unreadable';
  /** Bytes of trail.jsonl to read; 0 when it does not exist. */
  readonly size: number;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

export async function snapshot(paths: AuditPaths): Promise<Snapshot> {
  let release: (() => Promise<void>) | undefined;
  // No directory, no trail: nothing to lock (and the lock's retries would wait for nothing).
  if (!existsSync(paths.dir)) return { head: undefined, size: 0 };
  try {
    release = await lockfile.lock(paths.trail, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 50, factor: 1.3, minTimeout: 2, maxTimeout: 100 },
      onCompromised: () => undefined,
    });
  } catch {
    release = undefined;
  }
  try {
    const head = await readHead(paths);
    return { head, size: await sizeOf(paths.trail) };
  } finally {
    await release?.().catch(() => undefined);
  }
}
