/**
 * The embedded adapter of the GraphStore port, on Kuzu 0.11.3 in-process. Statements come from
 * `@ringtrace/cypher/kuzu` (each one runs on Kuzu in statements.test.ts); this module owns the Database,
 * the connections, the write queue and the mapping. Engine types and internal ids never leave it.
 */
import { kuzuRetractStatements, kuzuStatements } from '@ringtrace/cypher/kuzu/index.js';
import { Database } from 'kuzu';
import { DomainError, invalidArgument } from '../../domain/errors.js';
import { model } from '../../domain/model/index.js';
import { zeroCounts, type GraphStore, type StoreInfo, type WriteBatch, type WriteOptions } from '../port.js';
import { acquireDatabase, type SharedDatabase } from './database-registry.js';
import { mapKuzuError } from './errors.js';
import { countByKind, countByLinkType, getEntities, getLinks, search, type ReadContext } from './reads.js';
import { removalIds, removeEntitiesIn, removeLinksIn } from './remove.js';
import { retractSourcesIn } from './retract.js';
import { sha256sIn } from '../retract-arguments.js';
import { createAnalyst, type Analyst } from './run-read.js';
import { FtsRepair, isFtsPoisoned } from './fts-repair.js';
import { ensureSchema } from './schema.js';
import { KuzuSession } from './session.js';
import { expand, shortestPaths } from './traverse.js';
import { createBulkLoad } from './bulk-load.js';
import type { FreshTables } from './fresh-tables.js';
import type { StagedLinks } from './staged-links.js';
import { writePlan, type WriteContext } from './write-batch.js';
import { planBatch } from './write-plan.js';

export interface KuzuStoreOptions {
  /** Database file (Kuzu 0.11 keeps one file plus `<path>.wal`); parent folders are created. */
  readonly path: string;
  /** Buffer pool size. Kuzu's default takes a large share of the machine's memory. Default 512 MiB. */
  readonly bufferPoolBytes?: number;
  /** Per-statement timeout (a runaway traversal fails with TIMEOUT). Default 30 s. */
  readonly queryTimeoutMs?: number;
  /** Reader connections: reads run in parallel on them. Default 4. */
  readonly readConnections?: number;
  /**
   * New links of one FROM/TO pair are loaded with COPY from this many on, while their table holds fewer than
   * 1e5 rels (COPY into a big table costs memory and time, see write-batch.ts); otherwise one prepared
   * statement each. Default 200.
   */
  readonly copyMinRows?: number;
}

export const DEFAULT_BUFFER_POOL_BYTES = 512 * 1024 * 1024;
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
export const DEFAULT_READ_CONNECTIONS = 4;
export const DEFAULT_COPY_MIN_ROWS = 200;
/** Measured crossover of COPY against one CREATE per row for a node table with a full-text index. */
const NODE_COPY_MIN_ROWS = 300;

const positive = (name: string, value: number | undefined, fallback: number) => {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw invalidArgument(name, `must be a positive whole number, got ${value}`);
  return v;
};

export function createKuzuStore(options: KuzuStoreOptions): GraphStore {
  if (typeof options.path !== 'string' || options.path === '')
    throw invalidArgument('path', 'needs a database file path');
  const bufferPoolBytes = positive('bufferPoolBytes', options.bufferPoolBytes, DEFAULT_BUFFER_POOL_BYTES);
  const queryTimeoutMs = positive('queryTimeoutMs', options.queryTimeoutMs, DEFAULT_QUERY_TIMEOUT_MS);
  const readConnections = positive('readConnections', options.readConnections, DEFAULT_READ_CONNECTIONS);
  const copyMinRows = positive('copyMinRows', options.copyMinRows, DEFAULT_COPY_MIN_ROWS);

  const statements = kuzuStatements(model);
  const retractStatements = kuzuRetractStatements(model);
  const sizes = new Map<string, number>();
  const fts = new FtsRepair(new Set(model.kinds.filter((k) => !k.system).map((k) => k.name)));
  let shared: SharedDatabase | undefined;
  let session: KuzuSession | undefined;
  // Raw reads (saved and ad-hoc queries) run on connections of their own: see run-read.ts.
  let analyst: Analyst | undefined;
  let closed = false;

  const info: StoreInfo = { engine: 'embedded', location: options.path, version: Database.getVersion() };

  function ready(): { read: ReadContext; write: WriteContext; session: KuzuSession } {
    if (closed)
      throw new DomainError('UNAVAILABLE', 'the embedded database is closed (the server is stopping or restarting)');
    if (!session) throw new DomainError('UNAVAILABLE', 'the store is not initialised (call init() first)');
    return {
      session,
      read: { session, statements, sizes },
      write: {
        statements,
        sizes,
        copyMinRows,
        nodeCopyMinRows: NODE_COPY_MIN_ROWS,
        onTextUpdate: (kind) => fts.markUpdated(kind),
      },
    };
  }

  /** Maps engine errors; domain errors (validation, not found) pass through. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw mapKuzuError(error, shared?.path ?? options.path);
    }
  }

  const writeContext = (
    write: WriteContext,
    options: WriteOptions | undefined,
    bulk?: { staged: StagedLinks; fresh: FreshTables },
  ): WriteContext => ({
    ...write,
    keepText: options?.keepText === true,
    bulk: options?.bulk === true,
    oneCitationPerFile: options?.oneCitationPerFile === true,
    ...bulk,
  });

  // A bulk load assumes nobody else writes while it runs (bulk-load.ts): other writes are refused then.
  let bulkLoadRunning = false;
  const refuseDuringBulkLoad = () => {
    if (bulkLoadRunning)
      throw new DomainError(
        'UNAVAILABLE',
        'a bulk load (an import of a file of 4 MiB or more, or --fast) is writing to the embedded database; other writes can start when it ends',
        { retriable: true },
      );
  };

  async function writeWith(
    batch: WriteBatch,
    options: WriteOptions | undefined,
    bulk?: { staged: StagedLinks; fresh: FreshTables },
  ) {
    const plan = planBatch(batch);
    const { session: s, write } = ready();
    if (plan.entities.length === 0 && plan.links.length === 0) {
      return { entities: zeroCounts(), links: zeroCounts() };
    }
    const kinds = plan.entities.map((e) => e.kind.name);
    const context = writeContext(write, options, bulk);
    return guarded(() =>
      s.exclusive(async (run) => {
        await fts.repair(run, kinds);
        try {
          return await writePlan(context, run, plan);
        } catch (error) {
          if (!isFtsPoisoned(error)) throw error;
          await fts.repair(run, kinds, true); // poisoned by an update whose mark was lost (fts-repair.ts)
          return writePlan(context, run, plan);
        }
      }),
    );
  }

  return {
    info,

    async init() {
      if (closed)
        throw new DomainError('UNAVAILABLE', 'the embedded database is closed (the server is stopping or restarting)');
      if (session) return;
      shared = acquireDatabase(options.path, bufferPoolBytes);
      const s = new KuzuSession(shared.database, shared.path, {
        readConnections,
        queryTimeoutMs,
        serialize: shared.serialize,
      });
      try {
        await guarded(() => s.open());
        await guarded(() => s.exclusive((run) => ensureSchema(run, model)));
        // Table sizes steer lookup and load strategies (see write-batch.ts).
        for (const [kind, n] of Object.entries(await countByKind({ session: s, statements, sizes })))
          sizes.set(kind, n);
        for (const [type, n] of Object.entries(await countByLinkType({ session: s, statements, sizes })))
          sizes.set(type, n);
      } catch (error) {
        // Closing a Database whose opening failed rethrows the opening error: the mapped one is the answer.
        await s.close().catch(() => undefined);
        await shared.release().catch(() => undefined);
        shared = undefined;
        throw error;
      }
      session = s;
    },

    async close() {
      if (closed) return;
      closed = true;
      await analyst?.close();
      if (session) await session.close();
      if (shared) await shared.release();
      session = undefined;
      shared = undefined;
    },

    async write(batch, options) {
      refuseDuringBulkLoad();
      return writeWith(batch, options);
    },

    bulkLoad() {
      refuseDuringBulkLoad();
      bulkLoadRunning = true;
      return createBulkLoad({
        write: (batch, options, state) => writeWith(batch, options, state),
        exclusive: (work) => guarded(() => ready().session.exclusive(work)),
        context: (options) => writeContext(ready().write, options),
        emptyTables: async () => {
          const read = ready().read;
          const counts = { ...(await countByKind(read)), ...(await countByLinkType(read)) };
          return new Set(Object.keys(counts).filter((table) => counts[table] === 0));
        },
        grew: (type, n) => sizes.set(type, (sizes.get(type) ?? 0) + n),
        release: () => (bulkLoadRunning = false),
      });
    },

    async removeEntities(ids) {
      refuseDuringBulkLoad();
      const unique = removalIds('ids', ids);
      const { session: s, write } = ready();
      if (unique.length === 0) return { entities: 0, links: 0 };
      return guarded(() => s.exclusive((run) => removeEntitiesIn(write, run, unique)));
    },

    async removeLinks(ids) {
      refuseDuringBulkLoad();
      const unique = removalIds('ids', ids);
      const { session: s, write } = ready();
      if (unique.length === 0) return 0;
      return guarded(() => s.exclusive((run) => removeLinksIn(write, run, unique)));
    },

    async retractSources(sha256s) {
      refuseDuringBulkLoad();
      const files = sha256sIn('sha256s', sha256s);
      const { session: s } = ready();
      if (files.length === 0) return { entities: { updated: 0, removed: 0 }, links: { updated: 0, removed: 0 } };
      return guarded(() =>
        s.exclusive((run) => retractSourcesIn({ statements: retractStatements, sizes }, run, files)),
      );
    },

    getEntities: (ids) => guarded(() => getEntities(ready().read, ids)),
    getLinks: (ids) => guarded(() => getLinks(ready().read, ids)),
    search: (o) => guarded(() => search(ready().read, o)),
    expand: (o) => guarded(() => expand(ready().read, o)),
    shortestPaths: (o) => guarded(() => shortestPaths(ready().read, o)),
    countByKind: () => guarded(() => countByKind(ready().read)),
    countByLinkType: () => guarded(() => countByLinkType(ready().read)),
    runRead: (cypher, params, o) =>
      guarded(() => {
        ready();
        analyst ??= createAnalyst(shared!.database, shared!.path, { queryTimeoutMs });
        return analyst.run(cypher, params, o);
      }),
  };
}
