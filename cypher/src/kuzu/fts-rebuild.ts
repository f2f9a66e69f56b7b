import { ftsIndexName } from '../schema/kuzu-ddl.js';
import { literal } from './quote.js';
import { statement, type KuzuStatement } from './statement.js';

/**
 * Drops and recreates a kind's full-text index: the repair of an index that a SET of `searchText` left
 * unable to take inserts (server/src/store/kuzu/fts-repair.ts). Both are DDL Kuzu cannot prepare and
 * runs only outside an explicit transaction.
 */
export function ftsRebuildStatements(kind: string): readonly [KuzuStatement, KuzuStatement] {
  const index = ftsIndexName(kind);
  return [
    statement(`CALL DROP_FTS_INDEX(${literal(kind)}, ${literal(index)})`, [], true),
    statement(`CALL CREATE_FTS_INDEX(${literal(kind)}, ${literal(index)}, ['searchText'])`, [], true),
  ];
}
