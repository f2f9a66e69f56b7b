/**
 * Raw reads on Kuzu (`runRead`): saved and ad-hoc queries, after the shared checks (read-checks.ts).
 *
 * Kuzu's query timeout does not stop every query: building a big list (`range(1, 5e6)`) runs to the end
 * before the interrupt is seen, and the Node binding has no interrupt of its own. So these queries run
 * on dedicated analyst connections, apart from the store's readers and writer, each limited to one
 * execution thread; the answer is TIMEOUT at the deadline whatever the engine does, and a connection
 * still busy with a runaway stays out of the pool until the engine lets go of it. At most `maxBusy`
 * analyst connections exist: past that, a query is refused at once (UNAVAILABLE) instead of queueing
 * behind runaways. What the guard refuses statically (unbounded range(), unbounded paths) never gets here.
 */
import { PROJECTION_NAME } from '@ringtrace/cypher/queries/index.js';
import { Connection, type Database, type KuzuValue, type QueryResult } from 'kuzu';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { CellValue, ReadOptions, ReadResult } from '../port.js';
import { checkRead, readTimeout } from '../read-checks.js';
import { mapKuzuError } from './errors.js';
import { cellOf } from './read-values.js';

export interface AnalystOptions {
  readonly queryTimeoutMs: number;
  /** Analyst connections at most (busy ones included). Default 2. */
  readonly maxBusy?: number;
  /** Execution threads per analyst query. Default 1: a runaway takes one core, not all of them. */
  readonly threads?: number;
  /** Grace after the deadline for Kuzu's own interrupt to answer first (it frees the connection). Default 200 ms (measured: the interrupt lands 50 to 110 ms late). */
  readonly graceMs?: number;
}

export interface Analyst {
  run(cypher: string, params: Readonly<Record<string, unknown>>, options: ReadOptions): Promise<ReadResult>;
  /** Waits for queries still running (closing with results open crashes Kuzu at exit), then closes. */
  close(): Promise<void>;
  /** For tests and logs: connections idle, busy, and busy past their deadline. */
  state(): { idle: number; busy: number; runaway: number };
}

/** Kuzu's messages for a query that is the caller's fault, not ours. */
const CALLER_ERRORS = /^(Parser|Binder|Catalog|Runtime|Conversion|Overflow) exception/i;

/** Projections are named per Database: one algorithm query at a time per Database. */
const projectionQueues = new WeakMap<Database, Promise<unknown>>();

function inProjectionQueue<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const next = (projectionQueues.get(database) ?? Promise.resolve()).then(work);
  projectionQueues.set(
    database,
    next.catch(() => undefined),
  );
  return next;
}

const quoted = (names: readonly string[]) => `[${names.map((n) => `'${n}'`).join(', ')}]`;

export function createAnalyst(database: Database, path: string, options: AnalystOptions): Analyst {
  const maxBusy = options.maxBusy ?? 2;
  const threads = options.threads ?? 1;
  const graceMs = options.graceMs ?? 200;
  const idle: Connection[] = [];
  const busy = new Map<Connection, { settled: Promise<unknown>; runaway: boolean }>();
  // Kuzu connections must not initialise concurrently (session.ts): one at a time.
  let opening: Promise<unknown> = Promise.resolve();
  let closed = false;

  // Connections that exist (idle, busy or opening), counted before any await so two calls cannot both add one.
  let total = 0;

  async function acquire(): Promise<Connection> {
    const ready = idle.pop();
    if (ready) return ready;
    if (total >= maxBusy) {
      const runaways = [...busy.values()].filter((b) => b.runaway).length;
      throw new DomainError(
        'UNAVAILABLE',
        `${total} ad-hoc queries are still running in the embedded engine` +
          (runaways ? ` (${runaways} past their timeout: Kuzu cannot stop every query at once)` : '') +
          '; try again in a moment',
        { retriable: true },
      );
    }
    total++;
    const connection = new Connection(database, threads);
    const init = opening.then(() => connection.init());
    opening = init.catch(() => undefined);
    try {
      await init;
    } catch (error) {
      total--;
      throw error;
    }
    return connection;
  }

  async function execute(connection: Connection, text: string, params: Record<string, unknown>): Promise<QueryResult> {
    const prepared = await connection.prepare(text);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await connection.execute(prepared, params as Record<string, KuzuValue>);
    if (Array.isArray(result)) {
      for (const r of result) r.close();
      throw new Error('one statement per query');
    }
    return result;
  }

  function readRows(result: QueryResult, rowCap: number): ReadResult {
    const columns = result.getColumnNamesSync();
    const types = result.getColumnDataTypesSync();
    const total = result.getNumTuples();
    const rows: CellValue[][] = [];
    while (rows.length < rowCap && result.hasNext()) {
      const row = result.getNextSync() ?? {};
      rows.push(columns.map((c, i) => cellOf(row[c], types[i] ?? '')));
    }
    const omitted = total - rows.length;
    return { columns, rows, truncated: omitted > 0 ? { bound: 'rowCap', value: rowCap, omitted } : null };
  }

  /** The query, with the projection around it when asked for; closes every result it opens. */
  async function work(
    connection: Connection,
    text: string,
    params: Record<string, unknown>,
    rowCap: number,
    projection: ReadOptions['projection'],
  ) {
    const run = async () => {
      const result = await execute(connection, text, params);
      try {
        return readRows(result, rowCap);
      } finally {
        result.close();
      }
    };
    if (!projection) return run();
    return inProjectionQueue(database, async () => {
      const statement = async (s: string) => (await execute(connection, s, {})).close();
      await statement(`CALL drop_projected_graph('${PROJECTION_NAME}')`).catch(() => undefined);
      await statement(
        `CALL project_graph('${PROJECTION_NAME}', ${quoted(projection.nodes)}, ${quoted(projection.rels)})`,
      );
      try {
        return await run();
      } finally {
        await statement(`CALL drop_projected_graph('${PROJECTION_NAME}')`).catch(() => undefined);
      }
    });
  }

  return {
    async run(cypher, params, readOptions) {
      if (closed)
        throw new DomainError('UNAVAILABLE', 'the embedded database is closed (the server is stopping or restarting)');
      const checked = checkRead('embedded', cypher, params, readOptions, options.queryTimeoutMs);
      const { rowCap, timeoutMs } = checked;
      const connection = await acquire();
      connection.setQueryTimeout(timeoutMs);
      const running = work(connection, cypher, { ...params }, rowCap, readOptions.projection);
      const entry = { settled: running.catch(() => undefined), runaway: false };
      busy.set(connection, entry);
      // Back in the pool only once the engine has let go of it, whatever the caller was told.
      void entry.settled.then(() => {
        busy.delete(connection);
        if (!closed) idle.push(connection);
        else {
          total--;
          void connection.close();
        }
      });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          entry.runaway = true;
          reject(readTimeout(checked, true));
        }, timeoutMs + graceMs);
      });
      try {
        return await Promise.race([running, deadline]);
      } catch (error) {
        if (isDomainError(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (/^Interrupted/i.test(message)) throw readTimeout(checked, false);
        if (CALLER_ERRORS.test(message)) {
          throw new DomainError('INVALID_ARGUMENT', `the query failed: ${message.split('\n')[0]}`, { cause: error });
        }
        throw mapKuzuError(error, path);
      } finally {
        clearTimeout(timer);
      }
    },

    async close() {
      closed = true;
      await Promise.all([...busy.values()].map((b) => b.settled));
      await Promise.all(idle.splice(0).map((c) => c.close()));
    },

    state: () => ({
      idle: idle.length,
      busy: busy.size,
      runaway: [...busy.values()].filter((b) => b.runaway).length,
    }),
  };
}
