import { lazy, Suspense, useMemo } from 'react';
import { parametersUsed } from './adhoc-params';
import { editorSchema, type SchemaModel } from './editor-schema';

// CodeMirror and the Cypher grammar load when the editor is first shown, in a chunk of their own.
const CypherInput = lazy(() => import('./CypherInput'));

interface Props {
  readonly model: SchemaModel;
  /** The server's dialect (`embedded` or `neo4j`), when known. */
  readonly engine: string | undefined;
  readonly query: string;
  readonly params: string;
  readonly paramsError: string | undefined;
  readonly running: boolean;
  readonly onQuery: (query: string) => void;
  readonly onParams: (params: string) => void;
  readonly onRun: () => void;
}

/** Ad-hoc Cypher: the editor (completion from the model), parameters as JSON, Run; read-only on the server. */
export function AdhocEditor(props: Props) {
  const used = parametersUsed(props.query).join(',');
  const schema = useMemo(() => editorSchema(props.model, used ? used.split(',') : []), [props.model, used]);
  return (
    <form
      className="adhoc-editor"
      data-testid="adhoc-editor"
      onSubmit={(e) => {
        e.preventDefault();
        props.onRun();
      }}
    >
      <Suspense fallback={<p className="muted small cypher-loading">Loading the editor…</p>}>
        <CypherInput value={props.query} schema={schema} onChange={props.onQuery} />
      </Suspense>
      <p className="muted small">
        Read-only: one statement of MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN; the server refuses writes and names the
        clause. Ctrl+Space completes labels, types and properties from the model.
        {props.engine === 'embedded' &&
          ' This server runs the embedded engine’s dialect (Kùzu): the editor lints with Neo4j’s grammar, so Kùzu-only syntax may be underlined; the server’s answer decides.'}
      </p>
      <label className="adhoc-params">
        Parameters (JSON){' '}
        <input
          type="text"
          value={props.params}
          placeholder='{"centre": "callcentre:moscow-orion"}'
          aria-invalid={props.paramsError !== undefined}
          data-testid="adhoc-params"
          onChange={(e) => props.onParams(e.target.value)}
        />
      </label>
      {props.paramsError && (
        <div className="error small" role="alert" data-testid="param-error">
          {props.paramsError}
        </div>
      )}
      <button
        type="submit"
        className="primary"
        disabled={props.running || props.query.trim() === ''}
        data-testid="run-cypher"
      >
        {props.running ? 'Running…' : 'Run'}
      </button>
    </form>
  );
}
