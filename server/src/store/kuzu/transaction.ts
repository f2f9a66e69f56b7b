/**
 * One explicit transaction on the writer connection: BEGIN, the work, COMMIT; on any failure ROLLBACK, so
 * all of it lands or none of it does. A failing statement may already have made Kuzu roll back: ROLLBACK
 * then answers "No active transaction", which is not a second failure.
 */
import { BEGIN, COMMIT, ROLLBACK, type KuzuStatement } from '@ringtrace/cypher/kuzu/index.js';
import { isNoActiveTransaction } from './errors.js';
import type { Params, Row } from './session.js';

export type Run = (s: KuzuStatement, params?: Params) => Promise<Row[]>;

/** Runs `work` in one transaction; the caller holds the writer. */
export async function inTransaction<T>(run: Run, work: () => Promise<T>): Promise<T> {
  await run(BEGIN);
  try {
    const result = await work();
    await run(COMMIT);
    return result;
  } catch (error) {
    try {
      await run(ROLLBACK);
    } catch (rollbackError) {
      if (!isNoActiveTransaction(rollbackError)) throw rollbackError;
    }
    throw error;
  }
}
