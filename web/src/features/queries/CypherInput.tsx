/**
 * The Cypher editor (@neo4j-cypher/react-codemirror: highlighting, linting, completion from the schema
 * the model gives). Loaded on demand (React.lazy in AdhocEditor): CodeMirror and the Cypher grammar are
 * large, and the canvas must not wait for them.
 */
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import type { EditorSchema } from './editor-schema';
import './cypher-editor.css';

export interface CypherInputProps {
  readonly value: string;
  readonly schema: EditorSchema;
  readonly onChange: (value: string) => void;
}

export default function CypherInput({ value, schema, onChange }: CypherInputProps) {
  return (
    <div className="cypher-input" data-testid="cypher-editor">
      <CypherEditor
        value={value}
        schema={schema}
        lint
        autocomplete
        autofocus={false}
        lineWrapping
        theme="light"
        placeholder="MATCH (c:CallCentre)-[r]-(x) RETURN c, r, x LIMIT 25"
        onValueChanged={(next: string) => onChange(next)}
      />
    </div>
  );
}
