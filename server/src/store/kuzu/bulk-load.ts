/**
 * GraphStore.bulkLoad on the embedded engine. Batches are written as bulk writes (staged JSON files,
 * COPY); new links are held back until `finish` COPYs each table once (staged-links.ts); tables empty at
 * the start need no lookups (fresh-tables.ts). While a bulk load runs, the store refuses other writes
 * (kuzu-store.ts): the held-back links and the fresh tables assume nobody else writes meanwhile.
 */
import type { BulkLoad, WriteBatch, WriteOptions, WriteResult } from '../port.js';
import { addCounts, zeroCounts } from '../port.js';
import { FreshTables } from './fresh-tables.js';
import { rounds, StagedLinks } from './staged-links.js';
import { inTransaction, type Run } from './transaction.js';
import { writePlan, type WriteContext } from './write-batch.js';

export interface BulkLoadDeps {
  /** A store write with the bulk load's state in its context. */
  readonly write: (
    batch: WriteBatch,
    options: WriteOptions,
    state: { staged: StagedLinks; fresh: FreshTables },
  ) => Promise<WriteResult>;
  /** Work holding the writer, errors mapped. */
  readonly exclusive: <T>(work: (run: Run) => Promise<T>) => Promise<T>;
  /** The write context for these options (no bulk state). */
  readonly context: (options: WriteOptions | undefined) => WriteContext;
  /** Tables (kinds and link types) that hold nothing now. */
  readonly emptyTables: () => Promise<Set<string>>;
  /** Rel counts grown by the staged links. */
  readonly grew: (type: string, n: number) => void;
  /** Called once, when the load finishes or is discarded. */
  readonly release: () => void;
}

export function createBulkLoad(deps: BulkLoadDeps): BulkLoad {
  const staged = new StagedLinks();
  let fresh: FreshTables | undefined;
  let lastOptions: WriteOptions | undefined;
  let released = false;
  const end = async () => {
    await staged.dispose();
    if (!released) deps.release();
    released = true;
  };
  return {
    async write(batch, options) {
      lastOptions = options;
      fresh ??= new FreshTables(await deps.emptyTables());
      return deps.write(batch, { ...options, bulk: true }, { staged, fresh });
    },
    async finish() {
      try {
        return await deps.exclusive(async (run) => {
          const added = await inTransaction(run, () => staged.copyAll(run));
          for (const [type, n] of added) deps.grew(type, n);
          const context = deps.context(lastOptions);
          let links = zeroCounts();
          // Asserted again after they were staged: each round holds an id once, in the order they came.
          for (const round of rounds(staged.again))
            links = addCounts(links, (await writePlan(context, run, { entities: [], links: round })).links);
          return { entities: zeroCounts(), links };
        });
      } finally {
        await end();
      }
    },
    discard: end,
  };
}
