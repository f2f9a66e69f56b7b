/**
 * Connections to one Database: one writer (Kuzu allows one write transaction at a time and a second writer
 * fails at once instead of waiting, so writes queue here) and several readers (reads run in parallel on
 * separate connections and see the last committed snapshot). Every QueryResult is closed: closing the
 * database with results open crashes the process at exit.
 */
import type { KuzuStatement } from '@ringtrace/cypher/kuzu/index.js';
import { Connection, Database, type KuzuValue, type PreparedStatement } from 'kuzu';
import { mapKuzuError } from './errors.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

class Channel {
  readonly connection: Connection;
  private readonly prepared = new Map<string, Promise<PreparedStatement>>();
  inFlight = 0;

  /** `threads`: Kuzu's execution threads for this connection's queries (its default: every core). */
  constructor(database: Database, queryTimeoutMs: number, threads?: number) {
    this.connection = threads === undefined ? new Connection(database) : new Connection(database, threads);
    this.connection.setQueryTimeout(queryTimeoutMs);
  }

  private prepare(text: string): Promise<PreparedStatement> {
    let p = this.prepared.get(text);
    if (!p) {
      p = this.connection.prepare(text).then((ps) => {
        if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
        return ps;
      });
      p.catch(() => this.prepared.delete(text));
      this.prepared.set(text, p);
    }
    return p;
  }

  async run(s: KuzuStatement, params: Params): Promise<Row[]> {
    checkParams(s, params);
    this.inFlight++;
    try {
      const result = s.unprepared
        ? await this.connection.query(s.text)
        : await this.connection.execute(await this.prepare(s.text), params as Record<string, KuzuValue>);
      const results = Array.isArray(result) ? result : [result];
      try {
        // getAllSync after the await: getAll() costs a thread-pool round trip per row.
        return results.flatMap((r) => r.getAllSync());
      } finally {
        for (const r of results) r.close();
      }
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Kuzu's Connection initialises lazily on first use, and two first uses at once race: each creates a
   * native connection, one is dropped while in use, and the process dies (quirks.test.ts).
   */
  init(): Promise<void> {
    return this.connection.init();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/** Kuzu refuses an unknown parameter and reads a missing one as NULL: bind exactly what is declared. */
function checkParams(s: KuzuStatement, params: Params) {
  const given = Object.keys(params);
  if (given.length !== s.params.length || s.params.some((p) => !(p in params))) {
    throw new Error(`statement expects parameters [${s.params.join(', ')}], got [${given.join(', ')}]`);
  }
}

export interface SessionOptions {
  readonly readConnections: number;
  readonly queryTimeoutMs: number;
  /** The Database's write queue (shared by every store on the file). */
  readonly serialize?: <T>(work: () => Promise<T>) => Promise<T>;
}

function ownQueue() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
}

export class KuzuSession {
  private readonly writer: Channel;
  private readonly readers: Channel[];
  /** For statements marked singleThreaded (a full-text search with a wildcard): as many as readers, one thread each. */
  private readonly singleThreadReaders: Channel[];
  private readonly serialize: <T>(work: () => Promise<T>) => Promise<T>;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    database: Database,
    readonly path: string,
    options: SessionOptions,
  ) {
    this.writer = new Channel(database, options.queryTimeoutMs);
    this.readers = Array.from({ length: options.readConnections }, () => new Channel(database, options.queryTimeoutMs));
    this.singleThreadReaders = Array.from(
      { length: options.readConnections },
      () => new Channel(database, options.queryTimeoutMs, 1),
    );
    this.serialize = options.serialize ?? ownQueue();
  }

  /** A read on the least busy reader (of the one-thread readers for a singleThreaded statement). */
  async read(s: KuzuStatement, params: Params = {}): Promise<Row[]> {
    const pool = s.singleThreaded ? this.singleThreadReaders : this.readers;
    const channel = pool.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    try {
      return await channel.run(s, params);
    } catch (error) {
      throw mapKuzuError(error, this.path);
    }
  }

  /**
   * Runs `work` with the writer alone: writes queue (one at a time per Database, in order) instead of
   * failing as a second Kuzu writer would. Errors from `work` pass through unmapped.
   */
  exclusive<T>(work: (run: (s: KuzuStatement, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const run = (s: KuzuStatement, params: Params = {}) => this.writer.run(s, params);
    const next = this.serialize(() => work(run));
    this.pending = next.catch(() => undefined);
    return next;
  }

  /** Opens every connection, one after the other, before any concurrent use. */
  async open(): Promise<void> {
    for (const channel of this.channels()) await channel.init();
  }

  async close(): Promise<void> {
    await this.pending;
    await Promise.all(this.channels().map((c) => c.close()));
  }

  private channels(): Channel[] {
    return [this.writer, ...this.readers, ...this.singleThreadReaders];
  }
}
