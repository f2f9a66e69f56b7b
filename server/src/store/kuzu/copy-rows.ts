/**
 * New rows into a table with COPY, from one of two places. A write batch binds them as `$rows` (a list of
 * structs, typed by a pinning first row: quirks 3). A bulk load (WriteOptions.bulk) stages them in a JSON
 * Lines file and COPYs the file: binding 1e4 rows from Node cost more than the COPY itself (measured at
 * 1e5 call records: 26 us a link through `$rows`, against 4 us from a file), and a file has no limit on
 * what a value may hold (JSON escapes quotes, commas and newlines, which Kuzu's CSV lists do not).
 * Values are the adapter's bound strings; Kuzu casts each to its column's type as it reads the file
 * (INT64 beyond 2^53, dates, timestamps with their zone: copy-rows.test.ts).
 */
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KuzuStatement } from '@ringtrace/cypher/kuzu/index.js';
import type { PropertyType } from '../../domain/model/index.js';
import { linkSourcesBound } from './rows.js';
import type { Run } from './transaction.js';
import type { Bound } from './values.js';
import type { PendingEntity, PendingLink } from './write-plan.js';

/** Rows of one `$rows` COPY: Kuzu binds the whole list before it copies anything. */
const COPY_CHUNK = 50_000;
/** Lines written to a staged file per write call. */
const LINES_PER_WRITE = 5_000;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Rows for `$rows`: every key in statement order, a first row that pins each field's type (id ''). */
function rowsParam(keys: readonly string[], listKeys: ReadonlySet<string>, rows: Array<Record<string, Bound>>) {
  const pin = Object.fromEntries(keys.map((k) => [k, listKeys.has(k) ? [''] : '']));
  return [pin, ...rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])))];
}

/** Row keys bound as lists: entity sources (a STRING[]; link sources are one string) and string[] properties. */
const listKeysOf = (properties: Readonly<Record<string, { type: PropertyType }>>, sourcesIsList: boolean) =>
  new Set([
    ...(sourcesIsList ? ['sources'] : []),
    ...Object.entries(properties)
      .filter(([, p]) => p.type === 'string[]')
      .map(([n]) => `p_${n}`),
  ]);

/** Writes `lines` (objects keyed as the statement's file expects) to a fresh file, COPYs it, removes it. */
async function copyStaged(run: Run, copyFile: (path: string) => KuzuStatement, lines: readonly object[]) {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-stage-'));
  try {
    const path = join(dir, 'rows.json');
    const file = await open(path, 'w');
    try {
      for (const part of chunks(lines, LINES_PER_WRITE))
        await file.write(part.map((l) => JSON.stringify(l)).join('\n') + '\n');
    } finally {
      await file.close();
    }
    await run(copyFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Property values by column name (`prefix` + name), null when not given: every row carries every key. */
function propsOf(names: readonly string[], given: Map<string, Bound>, prefix: string, into: Record<string, unknown>) {
  for (const name of names) into[prefix + name] = given.get(name) ?? null;
  return into;
}

/** A table's COPY statements: from `$rows` (keyed `rowKeys`) and from a staged file. */
export interface CopyTarget {
  readonly rowKeys: readonly string[];
  readonly copy: KuzuStatement;
  readonly copyFile: (path: string) => KuzuStatement;
}

const entityColumns = (e: PendingEntity): Record<string, unknown> => ({
  id: e.id,
  caption: e.caption,
  searchText: e.searchText,
  sources: e.sources,
});

const linkColumns = (l: PendingLink): Record<string, unknown> => ({
  from: l.from,
  to: l.to,
  id: l.id,
  sources: linkSourcesBound(l.sources),
});

/** A link as a line of a file for LinkPairStatements.copyFile. */
export const linkLine = (l: PendingLink) => propsOf(Object.keys(l.type.properties), l.props, '', linkColumns(l));

/** New rows of one table (entities of a kind, or links of one FROM/TO pair). */
async function copyRows<T extends { readonly props: Map<string, Bound> }>(
  run: Run,
  st: CopyTarget,
  created: readonly T[],
  staged: boolean,
  columns: (row: T) => Record<string, unknown>,
  properties: Readonly<Record<string, { type: PropertyType }>>,
  sourcesIsList: boolean,
) {
  if (created.length === 0) return;
  const names = Object.keys(properties);
  const row = (t: T, prefix: string) => propsOf(names, t.props, prefix, columns(t));
  if (staged) {
    await copyStaged(
      run,
      st.copyFile,
      created.map((t) => row(t, '')),
    );
    return;
  }
  const listKeys = listKeysOf(properties, sourcesIsList);
  for (const chunk of chunks(created, COPY_CHUNK)) {
    const rows = chunk.map((t) => row(t, 'p_') as Record<string, Bound>);
    await run(st.copy, { rows: rowsParam(st.rowKeys, listKeys, rows) });
  }
}

export const copyEntities = (run: Run, st: CopyTarget, created: readonly PendingEntity[], staged: boolean) =>
  copyRows(run, st, created, staged, entityColumns, created[0]?.kind.properties ?? {}, true);

export const copyLinks = (run: Run, st: CopyTarget, created: readonly PendingLink[], staged: boolean) =>
  copyRows(run, st, created, staged, linkColumns, created[0]?.type.properties ?? {}, false);
