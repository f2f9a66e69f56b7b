/**
 * Parameter types of saved queries: `string`, `int`, `float`, `boolean`, `date`, `datetime`, `id<Kind>`
 * (an entity id of that kind; `id` alone: of any kind), `list<T>`. A value is checked against its type
 * and normalised to what both engines bind the same way: whole numbers for `int`, finite numbers for
 * `float`, `YYYY-MM-DD` strings for `date` and ISO 8601 UTC strings for `datetime` (the query converts
 * them with `date()` / `datetime()` / `timestamp()`: Kuzu drops the time of a JS Date), arrays for lists.
 */
import type { ModelShape } from '../model-shape.js';

export type ScalarType =
  | { readonly name: 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' }
  | { readonly name: 'id'; readonly kinds: readonly string[] };

export type ParamType = ScalarType | { readonly name: 'list'; readonly item: ScalarType };

export type ParamValue = string | number | boolean | null | readonly ParamValue[];

export const SCALAR_NAMES = ['string', 'int', 'float', 'boolean', 'date', 'datetime', 'id'] as const;

/** `list<id<Victim>>`, `int`... back to text. */
export function formatType(t: ParamType): string {
  if (t.name === 'list') return `list<${formatType(t.item)}>`;
  if (t.name === 'id') return t.kinds.length ? `id<${t.kinds.join('|')}>` : 'id';
  return t.name;
}

/** Parses a type expression; throws an Error with a message naming what is wrong. */
export function parseType(text: string, model: ModelShape): ParamType {
  const t = text.trim();
  const list = /^list<(.+)>$/.exec(t);
  if (list) {
    const item = parseType(list[1]!, model);
    if (item.name === 'list') throw new Error(`lists of lists are not supported ("${t}")`);
    return { name: 'list', item };
  }
  const id = /^id(?:<([^<>]*)>)?$/.exec(t);
  if (id) {
    const kinds = id[1] === undefined ? [] : id[1].split('|').map((k) => k.trim());
    for (const kind of kinds) {
      if (!model.kinds.some((k) => k.name === kind)) {
        throw new Error(`unknown kind "${kind}" in ${t} (kinds: ${model.kinds.map((k) => k.name).join(', ')})`);
      }
    }
    return { name: 'id', kinds };
  }
  if ((SCALAR_NAMES as readonly string[]).includes(t) && t !== 'id') return { name: t as 'string' };
  throw new Error(`unknown type "${t}" (types: string, int, float, boolean, date, datetime, id<Kind>, list<T>)`);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const INTEGER = /^-?\d+$/;

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/** Why a value does not fit: the expected type in words, for messages that name the parameter. */
export function expected(t: ParamType, bounds: Bounds = {}, model?: ModelShape): string {
  const range =
    bounds.min !== undefined && bounds.max !== undefined
      ? ` from ${bounds.min} to ${bounds.max}`
      : bounds.min !== undefined
        ? ` >= ${bounds.min}`
        : bounds.max !== undefined
          ? ` <= ${bounds.max}`
          : '';
  switch (t.name) {
    case 'string':
      return 'a string';
    case 'int':
      return `a whole number${range}`;
    case 'float':
      return `a number${range}`;
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'datetime':
      return 'an ISO 8601 datetime with a zone, e.g. 2025-02-01T10:00:00Z';
    case 'id':
      if (t.kinds.length === 0) return 'an entity id <prefix>:<key>';
      return `an id of a ${t.kinds
        .map((k) => {
          const prefix = model?.kinds.find((m) => m.name === k)?.idPrefix;
          return prefix ? `${k} (${prefix}:<key>)` : k;
        })
        .join(' or ')}`;
    case 'list':
      return `a list of ${expected(t.item, bounds, model).replace(/^an? /, '')}, as an array`;
  }
}

/**
 * The value normalised, or undefined when it does not fit. `fromText` accepts the command line's strings
 * (`3`, `true`, `a,b`) for numbers, booleans and lists.
 */
export function coerce(
  t: ParamType,
  value: unknown,
  model: ModelShape,
  options: { fromText?: boolean; bounds?: Bounds } = {},
): ParamValue | undefined {
  const { fromText = false, bounds = {} } = options;
  const inBounds = (n: number) =>
    (bounds.min === undefined || n >= bounds.min) && (bounds.max === undefined || n <= bounds.max);
  switch (t.name) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'int': {
      const n =
        typeof value === 'number'
          ? value
          : fromText && typeof value === 'string' && INTEGER.test(value.trim())
            ? Number(value)
            : NaN;
      return Number.isSafeInteger(n) && inBounds(n) ? n : undefined;
    }
    case 'float': {
      const n =
        typeof value === 'number'
          ? value
          : fromText && typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      return Number.isFinite(n) && inBounds(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (fromText && (value === 'true' || value === 'false')) return value === 'true';
      return undefined;
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? value
        : undefined;
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? new Date(value).toISOString()
        : undefined;
    case 'id': {
      if (typeof value !== 'string') return undefined;
      const colon = value.indexOf(':');
      const prefix = colon > 0 ? value.slice(0, colon) : '';
      const kind = model.kinds.find((k) => k.idPrefix === prefix);
      if (!kind || colon === value.length - 1) return undefined;
      return t.kinds.length === 0 || t.kinds.includes(kind.name) ? value : undefined;
    }
    case 'list': {
      const items = Array.isArray(value) ? value : fromText && typeof value === 'string' ? splitList(value) : undefined;
      if (!items) return undefined;
      const out: ParamValue[] = [];
      for (const item of items) {
        const v = coerce(t.item, item, model, { fromText, bounds });
        if (v === undefined || v === null) return undefined;
        out.push(v);
      }
      return out;
    }
  }
}

/** `a,b` or `[a, b]` as the command line writes a list. */
function splitList(text: string): string[] {
  const inner = text
    .trim()
    .replace(/^\[(.*)\]$/s, '$1')
    .trim();
  return inner === '' ? [] : inner.split(',').map((s) => s.trim());
}
