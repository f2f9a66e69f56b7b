/**
 * The scene as tables (entities, links): one row each, a column per field and per property found,
 * sortable by any column, exportable as CSV for the case file.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { compareDecimals } from './decimal';
import type { Scene } from './types';
import { isLinkVisible, isNodeVisible } from './visibility';

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  /** Key in the row; a property's column is `p.<name>`. */
  readonly key: string;
  readonly label: string;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

const PROPERTY = 'p.';

/** Property values as cells: lists joined, anything else structured as JSON. */
function cell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('; ');
  return JSON.stringify(value);
}

function withProperties(fixed: readonly Column[], records: ReadonlyArray<Readonly<Record<string, unknown>>>): Column[] {
  const names = [...new Set(records.flatMap((p) => Object.keys(p)))].sort();
  return [...fixed, ...names.map((name) => ({ key: `${PROPERTY}${name}`, label: name }))];
}

/** A property the server withheld (personal data without personal:read) reads as this, in the view and the CSV. */
export const WITHHELD_CELL = 'withheld';

const propertyCells = (properties: Readonly<Record<string, unknown>>, withheld: readonly string[] = []) => ({
  ...Object.fromEntries(Object.entries(properties).map(([name, value]) => [`${PROPERTY}${name}`, cell(value)])),
  // Never a value: the server did not send one. The column says it exists and was withheld.
  ...Object.fromEntries(withheld.map((name) => [`${PROPERTY}${name}`, WITHHELD_CELL])),
});

/** Every entity on the scene, drawn or not (`shown`), with its properties. */
export function entityTable(scene: Scene): Table {
  const nodes = Object.values(scene.nodes);
  const columns = withProperties(
    [
      { key: 'id', label: 'id' },
      { key: 'kind', label: 'kind' },
      { key: 'caption', label: 'caption' },
      { key: 'links', label: 'links on scene' },
      { key: 'shown', label: 'shown' },
      { key: 'pinned', label: 'pinned' },
    ],
    nodes.map((n) => ({
      ...n.entity.properties,
      ...Object.fromEntries((n.entity.withheld ?? []).map((w) => [w, null])),
    })),
  );
  const degree = new Map<string, number>();
  for (const link of Object.values(scene.links)) {
    degree.set(link.from, (degree.get(link.from) ?? 0) + 1);
    degree.set(link.to, (degree.get(link.to) ?? 0) + 1);
  }
  const rows = nodes.map(({ entity, pinned }) => ({
    id: entity.id,
    kind: entity.kind,
    caption: entity.caption,
    links: degree.get(entity.id) ?? 0,
    shown: isNodeVisible(scene, entity.id),
    pinned,
    ...propertyCells(entity.properties, entity.withheld),
  }));
  return { columns, rows };
}

/** Every link on the scene (each call and payment on its own row), its ends by caption and id. */
export function linkTable(scene: Scene): Table {
  const links = Object.values(scene.links);
  const columns = withProperties(
    [
      { key: 'id', label: 'id' },
      { key: 'type', label: 'type' },
      { key: 'fromCaption', label: 'from' },
      { key: 'toCaption', label: 'to' },
      { key: 'from', label: 'from id' },
      { key: 'to', label: 'to id' },
      { key: 'shown', label: 'shown' },
    ],
    links.map((l) => l.properties),
  );
  const rows = links.map((link) => ({
    id: link.id,
    type: link.type,
    fromCaption: scene.nodes[link.from]?.entity.caption ?? null,
    toCaption: scene.nodes[link.to]?.entity.caption ?? null,
    from: link.from,
    to: link.to,
    shown: isLinkVisible(scene, link),
    ...propertyCells(link.properties),
  }));
  return { columns, rows };
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** Numbers and decimal strings (amounts) by value, exactly; text by locale; booleans false first; empty last. */
export function compareCells(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  if (DECIMAL.test(x) && DECIMAL.test(y)) return compareDecimals(x, y);
  return x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
}

export type Direction = 'asc' | 'desc';

/** A new array sorted by the column; ties keep their order (stable), empty cells last either way. */
export function sortRows(rows: readonly Row[], key: string, direction: Direction = 'asc'): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((r, s) => {
    const a = r[key] ?? null;
    const b = s[key] ?? null;
    if (a === null || b === null) return compareCells(a, b);
    return sign * compareCells(a, b);
  });
}

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd|...` in seized data) starts with a
 * quote instead. Numbers, decimal amounts (`-12.5`) and phone numbers (`+7 (495) 123-45-67`) stay as they
 * are: digits with those separators make no formula.
 */
function safe(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  if (/^[=@\t\r]/.test(value)) return `'${value}`;
  return /^[+-]/.test(value) && !/^[+-][\d\s().-]*$/.test(value) ? `'${value}` : value;
}

/** CSV with a header row of the columns' labels; `rows` default to the table's (pass sorted ones). */
export function toCsv(table: Table, rows: readonly Row[] = table.rows): string {
  const records = rows.map((row) => table.columns.map((c) => safe(row[c.key] ?? null)));
  return stringify(records, {
    header: true,
    columns: table.columns.map((c) => c.label),
    cast: { boolean: (b) => (b ? 'yes' : 'no') },
  });
}
