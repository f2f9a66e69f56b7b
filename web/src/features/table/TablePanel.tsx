import { cellText, downloadCsv } from '../download';
import { useMemo, useState } from 'react';
import type { KindStyle } from '../../canvas/model-style';
import { entityTable, linkTable, sortRows, toCsv, type Direction } from '../../scene/table';
import type { Scene } from '../../scene/types';
import { KindIcon } from '../common/KindIcon';

interface Props {
  readonly scene: Scene;
  readonly kinds: ReadonlyMap<string, KindStyle>;
  /** A row clicked: select it on the canvas. */
  readonly onSelect: (id: string) => void;
}

type Tab = 'entities' | 'links';
/** Rows drawn at once; the CSV has them all. */
const SHOWN = 1000;

/** The scene as a table: entities or links, sortable by any column, exported as CSV. */
export function TablePanel({ scene, kinds, onSelect }: Props) {
  const [tab, setTab] = useState<Tab>('entities');
  const [sort, setSort] = useState<{ key: string; direction: Direction }>({ key: 'kind', direction: 'asc' });
  const table = useMemo(() => (tab === 'entities' ? entityTable(scene) : linkTable(scene)), [scene, tab]);
  const key = table.columns.some((c) => c.key === sort.key) ? sort.key : 'id';
  const rows = useMemo(() => sortRows(table.rows, key, sort.direction), [table, key, sort.direction]);
  const selected = new Set(scene.selection);

  const sortBy = (column: string) =>
    setSort((s) => ({ key: column, direction: s.key === column && s.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <section className="table-panel" aria-label="Table of the scene" data-testid="table">
      <header>
        <button type="button" aria-pressed={tab === 'entities'} onClick={() => setTab('entities')}>
          Entities ({Object.keys(scene.nodes).length})
        </button>
        <button type="button" aria-pressed={tab === 'links'} onClick={() => setTab('links')}>
          Links ({Object.keys(scene.links).length})
        </button>
        <button type="button" onClick={() => downloadCsv(toCsv(table, rows), `ringtrace-${tab}.csv`)} data-testid="csv">
          Export CSV
        </button>
        {rows.length > SHOWN && (
          <span className="muted small">
            first {SHOWN} of {rows.length} shown; the CSV has all
          </span>
        )}
      </header>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th
                  key={c.key}
                  onClick={() => sortBy(c.key)}
                  aria-sort={c.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  {c.label}
                  {c.key === key && (sort.direction === 'asc' ? ' ▲' : ' ▼')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((row) => {
              const id = String(row['id']);
              return (
                <tr
                  key={id}
                  className={selected.has(id) ? 'selected' : undefined}
                  onClick={() => onSelect(id)}
                  data-testid="table-row"
                >
                  {table.columns.map((c) => (
                    <td key={c.key} className={typeof row[c.key] === 'number' ? 'number' : undefined}>
                      {c.key === 'kind' && <KindIcon kind={kinds.get(cellText(row[c.key]))} size={14} />}{' '}
                      {cellText(row[c.key])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
