import { useMemo } from 'react';
import type { SavedQueryInfo } from '../../api/queries';
import type { KindStyle } from '../../canvas/model-style';
import type { SearchKinds } from './EntityInput';
import { formFields, type KindPrefix } from './param-form';
import { ParamInput } from './ParamInput';

interface Props {
  readonly queries: readonly SavedQueryInfo[];
  readonly selected: SavedQueryInfo | undefined;
  readonly texts: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly prefixes: readonly KindPrefix[];
  readonly styles: ReadonlyMap<string, KindStyle>;
  readonly search: SearchKinds;
  readonly running: boolean;
  readonly onPick: (name: string) => void;
  readonly onChange: (name: string, value: string) => void;
  readonly onRun: () => void;
}

const RETURNS: Readonly<Record<string, string>> = { graph: 'graph', table: 'table', both: 'graph + table' };

/** The library (one line per query) and the chosen query: what it does, its generated form, Run. */
export function SavedQueries(props: Props) {
  const { queries, selected, texts, errors } = props;
  const fields = useMemo(() => (selected ? formFields(selected, props.prefixes) : []), [selected, props.prefixes]);
  return (
    <div className="saved-queries">
      <ul className="query-library" aria-label="Saved queries" data-testid="query-library">
        {queries.map((q) => (
          <li key={q.name}>
            <button
              type="button"
              aria-pressed={q.name === selected?.name}
              disabled={!q.supported}
              title={q.supported ? q.description : `Runs on ${q.engines.join(', ')} only, not on this server's engine`}
              data-testid="saved-query"
              data-name={q.name}
              onClick={() => props.onPick(q.name)}
            >
              <span className="query-title">{q.title}</span>
              <span className="muted small">{q.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected ? (
        <form
          className="query-form"
          data-testid="query-form"
          data-name={selected.name}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onRun();
          }}
        >
          <h3>{selected.title}</h3>
          <p className="small">{selected.description}</p>
          <p className="muted small">
            <code>{selected.name}</code> · engines: {selected.engines.join(', ')} · returns:{' '}
            {RETURNS[selected.returns] ?? selected.returns}
          </p>
          {fields.length === 0 && <p className="muted small">No parameters.</p>}
          {fields.map((field) => (
            <ParamInput
              key={`${selected.name}:${field.name}`}
              field={field}
              value={texts[field.name] ?? ''}
              error={errors[field.name]}
              styles={props.styles}
              search={props.search}
              onChange={(value) => props.onChange(field.name, value)}
            />
          ))}
          <button type="submit" className="primary" disabled={props.running} data-testid="run-query">
            {props.running ? 'Running…' : 'Run'}
          </button>
        </form>
      ) : (
        <p className="query-form muted">Pick a query on the left.</p>
      )}
    </div>
  );
}
