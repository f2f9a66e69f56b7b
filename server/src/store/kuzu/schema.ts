/**
 * Creates the schema derived from the model, idempotently: tables with IF NOT EXISTS, columns and FROM/TO
 * pairs the model gained since the file was created with ALTER, full-text indexes when missing. DDL is
 * sent as plain queries (CREATE_FTS_INDEX runs several statements, which Kuzu cannot prepare).
 */
import {
  addColumn,
  addRelPair,
  kuzuSchema,
  SHOW_INDEXES,
  SHOW_TABLES,
  showConnection,
  tableInfo,
} from '@ringtrace/cypher/schema/kuzu-ddl.js';
import type { KuzuStatement } from '@ringtrace/cypher/kuzu/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Model } from '../../domain/model/index.js';
import type { Params, Row } from './session.js';

type Run = (s: KuzuStatement, params?: Params) => Promise<Row[]>;

/** Kuzu reports some types under another name than the DDL uses. */
const ALIASES: Readonly<Record<string, string>> = { BOOLEAN: 'BOOL' };
const sameType = (onDisk: string, declared: string) => (ALIASES[declared] ?? declared) === (ALIASES[onDisk] ?? onDisk);
const ddl = (text: string): KuzuStatement => ({ text, params: [], unprepared: true });

export async function ensureSchema(run: Run, model: Model): Promise<void> {
  const schema = kuzuSchema(model);
  const existing = new Set((await run(ddl(SHOW_TABLES))).map((r) => String(r['name'])));
  for (const table of schema.tables) {
    if (!existing.has(table.name)) {
      await run(ddl(table.create));
      continue;
    }
    const columns = new Map((await run(ddl(tableInfo(table.name)))).map((r) => [String(r['name']), String(r['type'])]));
    for (const column of table.columns) {
      const type = columns.get(column.name);
      if (type === undefined) await run(ddl(addColumn(table.name, column)));
      else if (!sameType(type, column.type)) {
        throw new DomainError(
          'UNAVAILABLE',
          `embedded database: ${table.name}.${column.name} is ${type} on disk but ${column.type} in the model (the model changed a type; reload into a new database)`,
        );
      }
    }
    if (table.kind === 'rel') {
      const pairs = new Set(
        (await run(ddl(showConnection(table.name)))).map((r) => `${r['fromTable']}>${r['toTable']}`),
      );
      for (const [from, to] of table.pairs)
        if (!pairs.has(`${from}>${to}`)) await run(ddl(addRelPair(table.name, from, to)));
    }
  }
  const indexes = new Set((await run(ddl(SHOW_INDEXES))).map((r) => `${r['tableName']}.${r['indexName']}`));
  for (const index of schema.ftsIndexes) {
    if (!indexes.has(`${index.table}.${index.index}`)) await run(ddl(index.create));
  }
}
