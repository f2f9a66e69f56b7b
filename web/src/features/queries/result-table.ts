/**
 * A query's answer (columns, rows of JSON cells) as a table the scene's helpers sort and export
 * (scene/table.ts: `sortRows`, `toCsv`). Cells keep the ids the server sent, so the CSV cites them; the
 * panel shows an id it knows as its entity's caption. Pure.
 */
import type { JsonCell } from '../../api/queries';
import type { Cell, Column, Row, Table } from '../../scene/table';

/** Lists of scalars joined (as the scene's tables join them), anything structured as JSON. */
export function cellOf(value: JsonCell | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map((v) => (v === null ? '' : String(v))).join('; ');
  }
  return JSON.stringify(value);
}

/** The row's column key: by position, since Cypher may return two columns of the same name. */
export const columnKey = (index: number) => `c${index}`;

export function resultTable(columns: readonly string[], rows: readonly (readonly JsonCell[])[]): Table {
  const cols: Column[] = columns.map((label, i) => ({ key: columnKey(i), label }));
  const out: Row[] = rows.map((row) => Object.fromEntries(cols.map((c, i) => [c.key, cellOf(row[i])])));
  return { columns: cols, rows: out };
}

/** Every string in the cells that `known` holds (entity or link ids on the scene), in order. */
export function idsInRow(row: readonly JsonCell[], known: (id: string) => boolean): string[] {
  const found = new Set<string>();
  const visit = (cell: JsonCell) => {
    if (typeof cell === 'string') {
      if (known(cell)) found.add(cell);
    } else if (Array.isArray(cell)) {
      for (const c of cell as readonly JsonCell[]) visit(c);
    } else if (cell !== null && typeof cell === 'object') {
      for (const c of Object.values(cell)) visit(c);
    }
  };
  for (const cell of row) visit(cell);
  return [...found];
}
