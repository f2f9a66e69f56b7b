import type { KindStyle } from '../../canvas/model-style';
import { EntityInput, type SearchKinds } from './EntityInput';
import type { ParamField } from './param-form';

interface Props {
  readonly field: ParamField;
  readonly value: string;
  readonly error: string | undefined;
  readonly styles: ReadonlyMap<string, KindStyle>;
  readonly search: SearchKinds;
  readonly onChange: (value: string) => void;
}

/** One generated field: its name and type, the input its type calls for, what it expects, its error. */
export function ParamInput({ field, value, error, styles, search, onChange }: Props) {
  const id = `query-param-${field.name}`;
  const common = {
    id,
    name: field.name,
    value,
    placeholder: field.placeholder,
    'aria-invalid': error !== undefined,
    'aria-describedby': `${id}-hint`,
    'data-testid': `param-${field.name}`,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  let input;
  switch (field.input) {
    case 'entity':
      input = (
        <EntityInput
          id={id}
          name={field.name}
          value={value}
          kinds={field.kinds}
          placeholder={field.placeholder}
          invalid={error !== undefined}
          styles={styles}
          search={search}
          onChange={onChange}
        />
      );
      break;
    case 'boolean':
      input = (
        <select {...common}>
          {!field.required && <option value="">{field.placeholder}</option>}
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
      break;
    case 'list':
      input = <textarea {...common} rows={2} />;
      break;
    default:
      // Numbers and dates stay text inputs: the browser's own would swallow a wrong value silently,
      // where the form should name it.
      input = (
        <input
          {...common}
          type="text"
          inputMode={field.input === 'int' || field.input === 'float' ? 'decimal' : undefined}
        />
      );
  }
  return (
    <div className={error ? 'param invalid' : 'param'} data-param={field.name}>
      <label htmlFor={id}>
        <span className="param-name">{field.name}</span> <code className="muted">{field.typeText}</code>
        {field.required && <span className="required"> required</span>}
      </label>
      {input}
      <div id={`${id}-hint`} className="muted small">
        {field.description}
        {field.description && ' · '}
        {field.expected}
      </div>
      {error && (
        <div className="error small" role="alert" data-testid="param-error">
          {error}
        </div>
      )}
    </div>
  );
}
