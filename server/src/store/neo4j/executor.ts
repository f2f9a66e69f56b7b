/**
 * Runs units of work in managed transactions: `executeRead` / `executeWrite` with the matching access
 * mode (a cluster routes reads to readers), the configured database, a transaction timeout and metadata
 * (`{ app: 'ringtrace', op }`, visible in SHOW TRANSACTIONS and the query log). The driver retries
 * transient failures, so every unit of work here is idempotent. Sessions are always closed; results
 * come back as plain port values; errors come back as domain errors.
 */
import type { CypherStatement } from '@ringtrace/cypher/neo4j/index.js';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../../domain/errors.js';
import { mapNeo4jError } from './errors.js';
import { valueOut } from './values.js';

export type Row = Readonly<Record<string, unknown>>;

/** A transaction as the store uses it: only statements built in `cypher/`, with exactly their parameters. */
export interface Tx {
  run(stmt: CypherStatement, params: Readonly<Record<string, unknown>>): Promise<Row[]>;
}

export interface Executor {
  read<T>(op: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  write<T>(op: string, work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface ExecutorOptions {
  readonly database: string | undefined;
  readonly timeoutMs: number;
}

/** The parameters given must be exactly the ones the (linted) statement declares. */
export function checkParams(stmt: CypherStatement, params: Readonly<Record<string, unknown>>): void {
  const given = Object.keys(params).sort();
  const declared = [...stmt.params].sort();
  if (given.length !== declared.length || given.some((p, i) => p !== declared[i])) {
    throw new DomainError(
      'INTERNAL',
      `statement ${stmt.name} declares [${declared.join(', ')}] but was given [${given.join(', ')}]`,
    );
  }
}

function wrap(tx: ManagedTransaction): Tx {
  return {
    async run(stmt, params) {
      checkParams(stmt, params);
      const result = await tx.run(stmt.text, params);
      return result.records.map((record) => valueOut(record.toObject()) as Row);
    },
  };
}

export function createExecutor(driver: Driver, options: ExecutorOptions): Executor {
  const execute = async <T>(mode: 'READ' | 'WRITE', op: string, work: (tx: Tx) => Promise<T>): Promise<T> => {
    const session = driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(options.database !== undefined && { database: options.database }),
    });
    const config = { timeout: options.timeoutMs, metadata: { app: 'ringtrace', op } };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx)), config)
        : await session.executeWrite((tx) => work(wrap(tx)), config);
    } catch (error) {
      throw mapNeo4jError(error, op);
    } finally {
      await session.close().catch(() => undefined);
    }
  };
  return {
    read: (op, work) => execute('READ', op, work),
    write: (op, work) => execute('WRITE', op, work),
  };
}
