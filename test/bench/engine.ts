/**
 * Direct access to the embedded engine for the benchmark: the kuzu module the adapter loads, and
 * connections on the very Database the store uses. Kuzu allows one Database per file per process (a
 * second one on the same file silently loses writes, notes/kuzu-quirks.md), so the Database comes from
 * the adapter's registry, which hands every holder of a path the same one.
 */
import { createRequire } from 'node:module';
import { acquireDatabase, sharedCount } from '@ringtrace/server/store/kuzu/database-registry.js';

/** The few engine types the benchmark touches, declared structurally (test/ has no kuzu dependency). */
export interface QueryResult {
  getAllSync(): Record<string, unknown>[];
  close(): void;
}
export interface PreparedStatement {
  isSuccess(): boolean;
  getErrorMessage(): string;
}
export type Params = Record<string, unknown>;
export interface Connection {
  init(): Promise<void>;
  setQueryTimeout(ms: number): void;
  prepare(text: string): Promise<PreparedStatement>;
  execute(ps: PreparedStatement, params?: Params): Promise<QueryResult | QueryResult[]>;
  close(): Promise<void>;
}
export interface ConnectionClass {
  new (database: unknown): Connection;
  prototype: Connection;
}

/**
 * The kuzu module resolved from the server package, where the adapter resolves it: the same file, so the
 * same classes (test/ itself does not depend on kuzu).
 */
export function kuzuModule(): { Connection: ConnectionClass } {
  const require = createRequire(new URL('../../server/package.json', import.meta.url));
  return require('kuzu') as { Connection: ConnectionClass };
}

/** Rows of a result, every QueryResult closed (an open one crashes the process at exit). */
export function drain(result: QueryResult | QueryResult[]): Record<string, unknown>[] {
  const results = Array.isArray(result) ? result : [result];
  try {
    return results.flatMap((r) => r.getAllSync());
  } finally {
    for (const r of results) r.close();
  }
}

/** One connection with its prepared statements, as the adapter keeps them. */
export class DirectConnection {
  readonly prepared = new Map<string, PreparedStatement>();
  inFlight = 0;
  constructor(readonly connection: Connection) {}

  async run(text: string, params: Params): Promise<Record<string, unknown>[]> {
    this.inFlight++;
    try {
      let ps = this.prepared.get(text);
      if (!ps) {
        ps = await this.connection.prepare(text);
        if (!ps.isSuccess()) throw new Error(`${ps.getErrorMessage()} in: ${text}`);
        this.prepared.set(text, ps);
      }
      return drain(await this.connection.execute(ps, params));
    } finally {
      this.inFlight--;
    }
  }
}

/**
 * Connections on the store's Database (the store must be initialised on `path`, so the registry already
 * holds it and `bufferPoolBytes` is not used). Several, because the store reads on several in parallel.
 */
export class DirectPool {
  private constructor(
    readonly connections: DirectConnection[],
    private readonly release: () => Promise<void>,
  ) {}

  static async open(path: string, size: number, queryTimeoutMs: number): Promise<DirectPool> {
    if (sharedCount(path) === 0) throw new Error(`no store holds the database ${path}: init the store first`);
    const shared = acquireDatabase(path, 1);
    const { Connection } = kuzuModule();
    const connections: DirectConnection[] = [];
    // One after the other: two first uses of fresh connections at once can crash (kuzu-store session.ts).
    for (let i = 0; i < size; i++) {
      const c = new Connection(shared.database);
      c.setQueryTimeout(queryTimeoutMs);
      await c.init();
      connections.push(new DirectConnection(c));
    }
    return new DirectPool(connections, () => shared.release());
  }

  /** The least busy connection, as the store picks its reader. */
  pick(): DirectConnection {
    return this.connections.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
  }

  run(text: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    return this.pick().run(text, params);
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.connection.close()));
    await this.release();
  }
}
