/** Output of `ringtrace query`: an aligned table, CSV or JSON of a result; the library as a list. */
import { stringify } from 'csv-stringify/sync';
import { paramSignature, type QueryResult, type SavedQueryInfo } from '../../queries/run-query.js';
import type { CellValue } from '../../store/port.js';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A cell as text: strings as they are, null empty, lists and maps as compact JSON. */
export const cellText = (cell: CellValue): string =>
  cell === null ? '' : typeof cell === 'string' ? cell : typeof cell === 'object' ? JSON.stringify(cell) : String(cell);

const WIDEST = 80;
const clip = (text: string) => (text.length > WIDEST ? `${text.slice(0, WIDEST - 1)}…` : text);

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((c) => clip(c.replace(/\s+/g, ' '))));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** What the bounds left out, in words (empty when nothing was). */
export function boundsNote(result: QueryResult): string {
  return result.truncated
    .map((t) => `${t.omitted} more rows left out by the row cap (${t.value}); raise --row-cap`)
    .join('\n');
}

export function formatResult(result: QueryResult, format: Format): string {
  if (format === 'json') {
    const { subgraph, ...rest } = result;
    const summary = {
      entities: subgraph.entities.map((e) => e.id),
      links: subgraph.links.map((l) => l.id),
      truncated: subgraph.truncated,
    };
    return `${JSON.stringify({ ...rest, subgraph: summary }, null, 2)}\n`;
  }
  const rows = result.rows.map((row) => row.map(cellText));
  if (format === 'csv') return stringify([result.columns, ...rows]);
  const note = boundsNote(result);
  const count = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'} in ${result.elapsedMs} ms`;
  return `${table(result.columns, rows)}\n${count}${note ? `\n${note}` : ''}\n`;
}

export function formatList(queries: readonly SavedQueryInfo[], format: Format): string {
  if (format === 'json') {
    return `${JSON.stringify(
      queries.map((q) => ({
        name: q.name,
        title: q.title,
        engines: q.engines,
        supported: q.supported,
        returns: q.returns,
        params: paramSignature(q),
      })),
      null,
      2,
    )}\n`;
  }
  const rows = queries.map((q) => [q.name, q.engines.join(' '), q.returns, paramSignature(q).join(', '), q.title]);
  const header = ['name', 'engines', 'returns', 'params', 'title'];
  if (format === 'csv') return stringify([header, ...rows]);
  const unsupported = queries.filter((q) => !q.supported).map((q) => q.name);
  const note = unsupported.length ? `\nnot on this engine: ${unsupported.join(', ')}` : '';
  return `${table(header, rows)}${note}\n`;
}
