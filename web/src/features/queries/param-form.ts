/**
 * A saved query's form, generated from its declared parameters, and the form's text read back into the
 * values the server binds. Pure (no React, no fetch): the rules follow the server's
 * (cypher/src/queries/param-types.ts), so a wrong value is named here, with the type expected, before a
 * round trip; the server checks again and has the last word.
 */
import type { ParamTypeName, QueryParamInfo, SavedQueryInfo } from '../../api/queries';

/** What the model says about kinds: the id prefix that tells an id's kind. */
export interface KindPrefix {
  readonly name: string;
  readonly idPrefix: string;
}

type ScalarName = Exclude<ParamTypeName, 'list'>;

export interface ParamField {
  readonly name: string;
  /** The input to draw: `entity` is an id with a typeahead restricted to `kinds`. */
  readonly input: 'text' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'entity' | 'list';
  readonly typeText: string;
  /** For ids and lists of ids: the kinds allowed (empty: any). */
  readonly kinds: readonly string[];
  readonly required: boolean;
  /** The default as the field's text ('' when there is none): the form starts with it filled in. */
  readonly initial: string;
  /** Shown in an empty field: what an empty field means. */
  readonly placeholder: string;
  /** The type expected, in words ("a whole number from 1 to 6"). */
  readonly expected: string;
  readonly description: string;
  readonly min: number | null;
  readonly max: number | null;
}

const INPUTS: Readonly<Record<ScalarName, ParamField['input']>> = {
  string: 'text',
  int: 'int',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  id: 'entity',
};

function range(p: Pick<QueryParamInfo, 'min' | 'max'>): string {
  if (p.min !== null && p.max !== null) return ` from ${p.min} to ${p.max}`;
  if (p.min !== null) return ` of at least ${p.min}`;
  if (p.max !== null) return ` of at most ${p.max}`;
  return '';
}

function idWords(kinds: readonly string[], prefixes: readonly KindPrefix[]): string {
  if (kinds.length === 0) return 'an entity id <prefix>:<key>';
  const named = kinds.map((k) => {
    const prefix = prefixes.find((p) => p.name === k)?.idPrefix;
    return prefix ? `${k} (${prefix}:<key>)` : k;
  });
  return `an id of a ${named.join(' or ')}`;
}

function scalarWords(type: ScalarName, p: QueryParamInfo, prefixes: readonly KindPrefix[]): string {
  switch (type) {
    case 'string':
      return 'a string';
    case 'int':
      return `a whole number${range(p)}`;
    case 'float':
      return `a number${range(p)}`;
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'datetime':
      return 'a date and time YYYY-MM-DDTHH:MM[:SS], with a zone or in UTC';
    case 'id':
      return idWords(p.kinds, prefixes);
  }
}

/** The type a parameter expects, in words, as the server words it. */
export function expectedOf(p: QueryParamInfo, prefixes: readonly KindPrefix[]): string {
  if (p.type !== 'list') return scalarWords(p.type, p, prefixes);
  const item = scalarWords(p.itemType ?? 'string', p, prefixes).replace(/^an? /, '');
  return `a list of ${item}, separated by commas`;
}

/** A value (a default) as the field's text. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function placeholderOf(p: QueryParamInfo): string {
  if (p.default !== null && p.default !== undefined) return `default ${valueText(p.default)}`;
  if (p.optional) return 'optional: empty means none';
  return 'required';
}

export function formFields(query: SavedQueryInfo, prefixes: readonly KindPrefix[]): ParamField[] {
  return query.params.map((p) => ({
    name: p.name,
    input: p.type === 'list' ? 'list' : INPUTS[p.type],
    typeText: p.typeText,
    kinds: p.kinds,
    required: p.required,
    initial: valueText(p.default),
    placeholder: placeholderOf(p),
    expected: expectedOf(p, prefixes),
    description: p.description,
    min: p.min,
    max: p.max,
  }));
}

/** The form's starting text: every default filled in, and `preset` (a node's id) over them. */
export function initialTexts(
  query: SavedQueryInfo,
  preset: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return Object.fromEntries(query.params.map((p) => [p.name, preset[p.name] ?? valueText(p.default)]));
}

const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function realDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const inRange = (n: number, p: QueryParamInfo) => (p.min === null || n >= p.min) && (p.max === null || n <= p.max);

/** One value read from its text; undefined when it does not fit the type. */
function readScalar(
  type: ScalarName,
  text: string,
  p: QueryParamInfo,
  prefixes: readonly KindPrefix[],
): string | number | boolean | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'int': {
      const n = INTEGER.test(text) ? Number(text) : NaN;
      return Number.isSafeInteger(n) && inRange(n, p) ? n : undefined;
    }
    case 'float': {
      const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) && inRange(n, p) ? n : undefined;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date':
      return realDate(text) ? text : undefined;
    case 'datetime': {
      if (!DATETIME.test(text)) return undefined;
      // Without a zone the time is read as UTC (the hint says so), never as the browser's local time.
      const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
      const t = Date.parse(zoned.replace(' ', 'T'));
      return Number.isNaN(t) || !realDate(text.slice(0, 10)) ? undefined : new Date(t).toISOString();
    }
    case 'id': {
      const colon = text.indexOf(':');
      if (colon <= 0 || colon === text.length - 1 || /\s/.test(text)) return undefined;
      const kind = prefixes.find((k) => k.idPrefix === text.slice(0, colon));
      if (!kind) return undefined;
      return p.kinds.length === 0 || p.kinds.includes(kind.name) ? text : undefined;
    }
  }
}

/** The kind an id names, for a message that says why it was refused ("got victim:v-1, a Victim"). */
function kindOfId(text: string, prefixes: readonly KindPrefix[]): string | undefined {
  const colon = text.indexOf(':');
  return colon > 0 ? prefixes.find((k) => k.idPrefix === text.slice(0, colon))?.name : undefined;
}

export type ParamReading =
  | { readonly ok: true; readonly value: unknown; readonly omitted: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * A parameter's text read into its value. An empty field is left out (the server then takes the default,
 * or null for an optional parameter), unless the parameter is required. A refusal names the parameter
 * and the type expected.
 */
export function readParam(p: QueryParamInfo, raw: string, prefixes: readonly KindPrefix[]): ParamReading {
  const text = p.type === 'string' ? raw : raw.trim();
  const expected = expectedOf(p, prefixes);
  if (text === '') {
    return p.required
      ? { ok: false, message: `${p.name} is required: expected ${expected}` }
      : { ok: true, value: undefined, omitted: true };
  }
  const refuse = (got: string, item?: number): ParamReading => {
    const kind = p.kinds.length > 0 ? kindOfId(got, prefixes) : undefined;
    const which = item === undefined ? p.name : `${p.name}, item ${item}`;
    return { ok: false, message: `${which}: expected ${expected}, got "${got}"${kind ? ` (a ${kind})` : ''}` };
  };
  if (p.type !== 'list') {
    const value = readScalar(p.type, text, p, prefixes);
    return value === undefined ? refuse(text) : { ok: true, value, omitted: false };
  }
  const items = text
    .replace(/^\[(.*)\]$/s, '$1')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const values: unknown[] = [];
  for (const [i, item] of items.entries()) {
    const value = readScalar(p.itemType ?? 'string', item, p, prefixes);
    if (value === undefined) return refuse(item, i + 1);
    values.push(value);
  }
  return { ok: true, value: values, omitted: false };
}

export type FormReading =
  | { readonly ok: true; readonly params: Record<string, unknown> }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** The whole form: the parameters to send, or a message per parameter at fault. */
export function readForm(
  query: SavedQueryInfo,
  texts: Readonly<Record<string, string>>,
  prefixes: readonly KindPrefix[],
): FormReading {
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const p of query.params) {
    const reading = readParam(p, texts[p.name] ?? '', prefixes);
    if (!reading.ok) errors[p.name] = reading.message;
    else if (!reading.omitted) params[p.name] = reading.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, params };
}
