/**
 * Kuzu 0.11.3 quirk (fts-repair.test.ts reproduces it): once `searchText` (the full-text indexed column)
 * has been SET on a node of a table, later inserts into that table go wrong. COPY fails with "Found
 * duplicated primary key value <n>" (n = the updated node's offset + 1, the index's own document table),
 * and a CREATE succeeds but indexes the new node under another node's words. The state is on disk: it
 * survives a reopen and a CHECKPOINT. Dropping and recreating the index repairs it (about 5 us a node:
 * 1.1 s at 2e5 nodes), and prepared statements keep working across the rebuild. Neither DDL may run in an
 * explicit transaction, so the repair runs on the writer connection between write transactions.
 *
 * So: a table whose text was updated is marked; before the next write that touches its kind, its index
 * is rebuilt. A mark is lost when the process ends between the update and the next write (an import
 * killed at that moment); a COPY that then fails this way is repaired and retried once (isFtsPoisoned),
 * a CREATE is not detectable.
 */
import { ftsRebuildStatements } from '@ringtrace/cypher/kuzu/fts-rebuild.js';
import type { Run } from './transaction.js';

export class FtsRepair {
  private readonly dirty = new Set<string>();

  /** `indexed`: the kinds with a full-text index (investigation kinds). */
  constructor(private readonly indexed: ReadonlySet<string>) {}

  /** A text update ran on this kind (marked even if its transaction then rolls back: a spare rebuild is harmless). */
  markUpdated(kind: string): void {
    if (this.indexed.has(kind)) this.dirty.add(kind);
  }

  /** Rebuilds the index of every marked kind among `kinds`, outside any transaction. */
  async repair(run: Run, kinds: Iterable<string>, force = false): Promise<void> {
    for (const kind of new Set(kinds)) {
      if (!this.indexed.has(kind) || (!force && !this.dirty.has(kind))) continue;
      for (const s of ftsRebuildStatements(kind)) await run(s);
      this.dirty.delete(kind);
    }
  }
}

/** The COPY failure of a poisoned index (the error itself or its cause). */
export function isFtsPoisoned(error: unknown): boolean {
  const text = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const cause = error instanceof Error ? error.cause : undefined;
  return /Found duplicated primary key value/i.test(`${text(error)} ${cause === undefined ? '' : text(cause)}`);
}
