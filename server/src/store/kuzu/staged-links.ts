/**
 * The new links of a bulk load (GraphStore.bulkLoad), held back in files until the load ends and then
 * COPYed once per FROM/TO pair, as a raw COPY of the whole file would be. Why: a COPY into a rel table
 * rewrites the adjacency lists of every node group it touches, and the few numbers of a call-detail file
 * share one node group, so each batch's COPY rewrote every call loaded so far: 1e6 calls in batches of
 * 1e5 facts spent 114 s of 186 in commits (24 to 29 s each past 7e5 calls), then filled a 1 GiB buffer
 * pool. Entities still go in batch by batch, so every staged link finds its ends at the end.
 *
 * A link staged and asserted again later in the load (another value, or forgotten by the importer's
 * memory) waits in `again` and goes through the normal write path after the files: it then merges with
 * what the files put in. Memory: 8 bytes a staged link id (link-id-set.ts), plus the links asserted again.
 */
import { open, mkdtemp, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LinkPairStatements } from '@ringtrace/cypher/kuzu/index.js';
import { linkLine } from './copy-rows.js';
import { LinkIdSet } from './link-id-set.js';
import type { Run } from './transaction.js';
import type { PendingLink } from './write-plan.js';

interface StagedFile {
  readonly type: string;
  readonly pair: LinkPairStatements;
  readonly path: string;
  readonly handle: FileHandle;
  rows: number;
}

export class StagedLinks {
  private dir: string | undefined;
  private readonly files = new Map<string, StagedFile>();
  private readonly ids = new LinkIdSet();
  /** Links asserted again after they were staged, in the order they came. */
  readonly again: PendingLink[] = [];

  /** Whether this load staged the link already. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Appends new links of one pair (ids not staged before, distinct) to its file. */
  async add(type: string, pair: LinkPairStatements, links: readonly PendingLink[]): Promise<void> {
    if (links.length === 0) return;
    const key = `${type}:${pair.from}>${pair.to}`;
    let file = this.files.get(key);
    if (!file) {
      this.dir ??= await mkdtemp(join(tmpdir(), 'ringtrace-links-'));
      const path = join(this.dir, `${this.files.size}.json`);
      file = { type, pair, path, handle: await open(path, 'w'), rows: 0 };
      this.files.set(key, file);
    }
    await file.handle.write(links.map((l) => JSON.stringify(linkLine(l))).join('\n') + '\n');
    file.rows += links.length;
    for (const l of links) this.ids.add(l.id);
  }

  /** COPYs every file (inside the caller's transaction); returns the links added per type. */
  async copyAll(run: Run): Promise<Map<string, number>> {
    const added = new Map<string, number>();
    for (const file of this.files.values()) {
      await file.handle.close();
      await run(file.pair.copyFile(file.path));
      added.set(file.type, (added.get(file.type) ?? 0) + file.rows);
    }
    this.files.clear();
    return added;
  }

  /** Removes the files (after copyAll, or instead of it when the load is dropped). */
  async dispose(): Promise<void> {
    for (const file of this.files.values()) await file.handle.close().catch(() => undefined);
    this.files.clear();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

/** Links in rounds that hold each id once, in their order: the k-th assertion of an id goes in round k. */
export function rounds(links: readonly PendingLink[]): PendingLink[][] {
  const out: PendingLink[][] = [];
  const seen = new Map<string, number>();
  for (const l of links) {
    const k = seen.get(l.id) ?? 0;
    seen.set(l.id, k + 1);
    (out[k] ??= []).push(l);
  }
  return out;
}
