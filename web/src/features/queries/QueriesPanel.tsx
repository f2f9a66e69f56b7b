/**
 * The Queries panel: the saved-query library with a form generated from each query's parameters, and an
 * ad-hoc Cypher editor; results as a table beside them while the app puts what they name on the canvas.
 * State here is the form's and the last answer's; running (the API call and the scene step) is the
 * app's `run`, so the panel holds no API or scene code.
 */
import { useEffect, useState } from 'react';
import type { QueryAnswer, RunBounds, SavedQueryInfo } from '../../api/queries';
import type { KindStyle } from '../../canvas/model-style';
import { readAdhocParams } from './adhoc-params';
import { AdhocEditor } from './AdhocEditor';
import type { SchemaModel } from './editor-schema';
import type { SearchKinds } from './EntityInput';
import { libraryEngine } from './library-engine';
import { initialTexts, readForm, type KindPrefix } from './param-form';
import { describeQueryError } from './query-messages';
import { QueryResults, type ResultState } from './QueryResults';
import { SavedQueries } from './SavedQueries';
import './queries-panel.css';

export type LibraryState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly queries: readonly SavedQueryInfo[] };

/** What to run: a saved query by name, or ad-hoc Cypher, within the bounds chosen. */
export type QueryRun =
  | {
      readonly kind: 'saved';
      readonly name: string;
      readonly params: Record<string, unknown>;
      readonly bounds: RunBounds;
    }
  | {
      readonly kind: 'cypher';
      readonly query: string;
      readonly params: Record<string, unknown>;
      readonly bounds: RunBounds;
    };

/** "Run query with this node…": open this query with the node's id in its parameter. */
export interface QueryRequest {
  readonly name: string;
  readonly preset: Readonly<Record<string, string>>;
  /** A new request each time, even for the same query and node. */
  readonly seq: number;
}

interface Props {
  /** Closed but kept (its form and last answer wait for it to open again). */
  readonly hidden: boolean;
  readonly library: LibraryState;
  readonly model: SchemaModel & { readonly kinds: readonly KindPrefix[] };
  readonly styles: ReadonlyMap<string, KindStyle>;
  readonly request: QueryRequest | null;
  readonly run: (run: QueryRun) => Promise<QueryAnswer>;
  readonly search: SearchKinds;
  readonly onSelect: (ids: readonly string[]) => void;
  readonly onReloadLibrary: () => void;
  readonly onClose: () => void;
}

const ROW_CAPS = [100, 1000, 10_000];
const TIMEOUTS: ReadonlyArray<[number, string]> = [
  [0, 'server default'],
  [2000, '2 s'],
  [5000, '5 s'],
  [10_000, '10 s'],
];
const EXAMPLE = 'MATCH (c:CallCentre)<-[:CONTROLS]-(g:CrimeGroup)\nRETURN c, g\nLIMIT 25';

export function QueriesPanel(props: Props) {
  const { library, request } = props;
  const queries = library.status === 'ready' ? library.queries : [];
  const [tab, setTab] = useState<'saved' | 'cypher'>('saved');
  const [selectedName, setSelectedName] = useState<string | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [cypher, setCypher] = useState(EXAMPLE);
  const [adhocParams, setAdhocParams] = useState('');
  const [adhocError, setAdhocError] = useState<string | undefined>();
  const [rowCap, setRowCap] = useState(1000);
  const [timeoutMs, setTimeoutMs] = useState(0);
  const [result, setResult] = useState<ResultState>({ status: 'idle' });
  const [runs, setRuns] = useState(0);
  const selected = queries.find((q) => q.name === selectedName);

  const pick = (name: string, preset: Readonly<Record<string, string>> = {}) => {
    const query = queries.find((q) => q.name === name);
    if (!query) return;
    setSelectedName(name);
    setTexts(initialTexts(query, preset));
    setErrors({});
  };

  // A request from the canvas's menu: that query, its parameter filled with the node.
  const seq = request?.seq;
  useEffect(() => {
    if (!request || library.status !== 'ready') return;
    setTab('saved');
    pick(request.name, request.preset);
    // Once per request (its seq), when the library is there: not again when the form changes.
  }, [seq, library.status]);

  const bounds: RunBounds = { rowCap, ...(timeoutMs > 0 && { timeoutMs }) };
  const execute = async (run: QueryRun, what: string) => {
    setResult({ status: 'running', what });
    setRuns((n) => n + 1);
    try {
      setResult({ status: 'done', what, answer: await props.run(run) });
    } catch (error) {
      setResult({ status: 'failed', what, problem: describeQueryError(error, run.bounds.timeoutMs) });
    }
  };

  const runSaved = () => {
    if (!selected) return;
    const reading = readForm(selected, texts, props.model.kinds);
    if (!reading.ok) {
      setErrors(reading.errors);
      return;
    }
    setErrors({});
    void execute({ kind: 'saved', name: selected.name, params: reading.params, bounds }, selected.title);
  };

  const runAdhoc = () => {
    const reading = readAdhocParams(adhocParams);
    setAdhocError(reading.ok ? undefined : reading.message);
    if (!reading.ok) return;
    void execute({ kind: 'cypher', query: cypher, params: reading.params, bounds }, 'Ad-hoc Cypher');
  };

  const running = result.status === 'running';
  return (
    <section className="queries-panel" aria-label="Queries" data-testid="queries" hidden={props.hidden}>
      <div className="queries-side">
        <header>
          <button type="button" aria-pressed={tab === 'saved'} onClick={() => setTab('saved')} data-testid="tab-saved">
            Saved queries{library.status === 'ready' && ` (${queries.length})`}
          </button>
          <button
            type="button"
            aria-pressed={tab === 'cypher'}
            onClick={() => setTab('cypher')}
            data-testid="tab-cypher"
          >
            Cypher
          </button>
          <label title="Rows one run returns at most; the rest are counted and said">
            Rows ≤{' '}
            <select value={rowCap} onChange={(e) => setRowCap(Number(e.target.value))} data-testid="row-cap">
              {ROW_CAPS.map((n) => (
                <option key={n} value={n}>
                  {n.toLocaleString('en-US')}
                </option>
              ))}
            </select>
          </label>
          <label title="A run past this is stopped and says so">
            Timeout{' '}
            <select
              value={timeoutMs}
              onChange={(e) => setTimeoutMs(Number(e.target.value))}
              data-testid="query-timeout"
            >
              {TIMEOUTS.map(([ms, label]) => (
                <option key={ms} value={ms}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="close" onClick={props.onClose} aria-label="Close the queries panel">
            ×
          </button>
        </header>
        {tab === 'saved' && library.status === 'loading' && <p className="muted small">Loading the library…</p>}
        {tab === 'saved' && library.status === 'failed' && (
          <div className="query-problem" role="alert">
            <strong>Could not load the saved queries</strong>
            <p>{library.message}</p>
            <button type="button" onClick={props.onReloadLibrary}>
              Try again
            </button>
          </div>
        )}
        {tab === 'saved' && library.status === 'ready' && (
          <SavedQueries
            queries={queries}
            selected={selected}
            texts={texts}
            errors={errors}
            prefixes={props.model.kinds}
            styles={props.styles}
            search={props.search}
            running={running}
            onPick={(name) => pick(name)}
            onChange={(name, value) => setTexts((t) => ({ ...t, [name]: value }))}
            onRun={runSaved}
          />
        )}
        {tab === 'cypher' && (
          <AdhocEditor
            model={props.model}
            engine={libraryEngine(queries)}
            query={cypher}
            params={adhocParams}
            paramsError={adhocError}
            running={running}
            onQuery={setCypher}
            onParams={setAdhocParams}
            onRun={runAdhoc}
          />
        )}
      </div>
      <QueryResults key={runs} state={result} styles={props.styles} onSelect={props.onSelect} />
    </section>
  );
}
