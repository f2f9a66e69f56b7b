import { cellText, downloadCsv } from '../download';
import { useMemo, useState } from 'react';
import type { QueryAnswer } from '../../api/queries';
import type { KindStyle } from '../../canvas/model-style';
import { sortRows, toCsv, type Direction } from '../../scene/table';
import type { GraphEntity } from '../../scene/types';
import { KindIcon } from '../common/KindIcon';
import { describeQueryBounds, plural, type QueryProblem } from './query-messages';
import { idsInRow, resultTable } from './result-table';

export type ResultState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly what: string }
  | { readonly status: 'done'; readonly what: string; readonly answer: QueryAnswer }
  | { readonly status: 'failed'; readonly what: string; readonly problem: QueryProblem };

interface Props {
  readonly state: ResultState;
  readonly styles: ReadonlyMap<string, KindStyle>;
  /** A row clicked: the entities and links it names, to select on the canvas. */
  readonly onSelect: (ids: readonly string[]) => void;
}

/** Rows drawn at once; the CSV has them all. */
const SHOWN = 500;

function Problem({ problem }: { readonly problem: QueryProblem }) {
  return (
    <div className={problem.bound ? 'query-problem warning' : 'query-problem'} role="alert" data-testid="query-error">
      <strong>{problem.title}</strong>
      {problem.refusal ? (
        <p data-testid="query-refusal" data-clause={problem.refusal.clause}>
          <code>{problem.refusal.clause}</code> at line {problem.refusal.line}, column {problem.refusal.column}:{' '}
          {problem.refusal.why}
        </p>
      ) : (
        <p className="query-detail">{problem.detail}</p>
      )}
      <p className="muted small">{problem.next}</p>
    </div>
  );
}

/** The answer as a table (sortable, CSV), with the bounds it hit; or why there is none. */
export function QueryResults({ state, styles, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: string; direction: Direction } | null>(null);
  const answer = state.status === 'done' ? state.answer : undefined;
  const table = useMemo(() => (answer ? resultTable(answer.columns, answer.rows) : null), [answer]);
  const entities = useMemo(
    () => new Map<string, GraphEntity>(answer?.subgraph.entities.map((e) => [e.id, e]) ?? []),
    [answer],
  );
  // Sorting keeps each row's index, so a click finds the raw cells (and their ids) behind it.
  const order = useMemo(() => {
    if (!table) return [];
    const indexed = table.rows.map((row, i) => ({ ...row, __i: i }));
    const rows = sort ? sortRows(indexed, sort.key, sort.direction) : indexed;
    return rows.map((r) => Number(r['__i']));
  }, [table, sort]);

  if (state.status === 'idle') {
    return (
      <section className="query-results muted small">
        Run a saved query or Cypher: the rows appear here and what they name on the canvas.
      </section>
    );
  }
  if (state.status === 'running') {
    return (
      <section className="query-results muted" data-testid="query-results" data-status="running">
        Running {state.what}…
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section className="query-results" data-testid="query-results" data-status="failed">
        <Problem problem={state.problem} />
      </section>
    );
  }
  const bounds = describeQueryBounds(state.answer);
  const { rows, subgraph, elapsedMs, engine } = state.answer;
  const known = (id: string) => entities.has(id) || subgraph.links.some((l) => l.id === id);
  const sortBy = (key: string) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <section className="query-results" data-testid="query-results" data-status="done">
      <header>
        <strong>{state.what}</strong>
        <span className="muted small" data-testid="query-summary">
          {plural(rows.length, 'row')} · {plural(subgraph.entities.length, 'entity', 'entities')} and{' '}
          {plural(subgraph.links.length, 'link')} on the canvas · {elapsedMs} ms · {engine}
        </span>
        {table && (
          <button
            type="button"
            data-testid="query-csv"
            onClick={() =>
              downloadCsv(
                toCsv(
                  table,
                  order.map((i) => table.rows[i]!),
                ),
                `ringtrace-${state.answer.name ?? 'cypher'}.csv`,
              )
            }
          >
            Export CSV
          </button>
        )}
      </header>
      {bounds.map((line) => (
        <p key={line} className="query-bound" role="status" data-testid="query-bound">
          {line}
        </p>
      ))}
      {table && rows.length === 0 && <p className="muted small">No rows.</p>}
      {table && rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th
                    key={c.key}
                    onClick={() => sortBy(c.key)}
                    aria-sort={sort?.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    {c.label}
                    {sort?.key === c.key && (sort.direction === 'asc' ? ' ▲' : ' ▼')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {order.slice(0, SHOWN).map((i) => {
                const row = table.rows[i]!;
                return (
                  <tr key={i} data-testid="query-row" onClick={() => onSelect(idsInRow(rows[i] ?? [], known))}>
                    {table.columns.map((c) => {
                      const cell = row[c.key] ?? null;
                      const entity = typeof cell === 'string' ? entities.get(cell) : undefined;
                      return (
                        <td key={c.key} className={typeof cell === 'number' ? 'number' : undefined} title={entity?.id}>
                          {entity ? (
                            <>
                              <KindIcon kind={styles.get(entity.kind)} size={14} /> {entity.caption}
                            </>
                          ) : (
                            cellText(cell)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > SHOWN && (
            <p className="muted small">
              First {SHOWN} rows shown; the CSV has all {rows.length}.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
