/**
 * What parameters a raw read may bind, on both engines alike. Kuzu 0.11.3 binds lists and maps unsafely
 * (notes/kuzu-quirks.md): a list of objects with a missing key kills the process, a list's element type
 * comes from its first element and later values are reinterpreted bit for bit. So a parameter is a
 * scalar (string, boolean, finite number, null) or a list of strings, of booleans or of whole numbers,
 * and the parameters given are exactly the ones the query uses (Kuzu reads a missing one as NULL).
 */
import { tokenize } from './tokens.js';

export const MAX_PARAMS = 100;
export const MAX_LIST_ITEMS = 10_000;
export const MAX_STRING_LENGTH = 100_000;

/** The parameters a query's text uses (`$name`), in order of first use. */
export function queryParameters(text: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenize(text)) if (t.kind === 'param') seen.add(t.text);
  return [...seen];
}

const describe = (v: unknown) =>
  Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'a map' : typeof v;

function scalarProblem(value: unknown): string | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string')
    return value.length <= MAX_STRING_LENGTH ? null : `a string longer than ${MAX_STRING_LENGTH} characters`;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number that is not finite';
  return `${describe(value)} (maps are not bindable)`;
}

/**
 * Why these parameters cannot be bound to `text`, or null. Names the parameter at fault.
 */
export function paramValuesProblem(text: string, params: Readonly<Record<string, unknown>>): string | null {
  const names = Object.keys(params);
  if (names.length > MAX_PARAMS) return `at most ${MAX_PARAMS} parameters`;
  let used: string[];
  try {
    used = queryParameters(text);
  } catch {
    return null; // the guard reports what does not tokenize
  }
  for (const name of used)
    if (!Object.hasOwn(params, name)) return `parameter $${name} is used by the query but not given`;
  for (const name of names)
    if (!used.includes(name)) return `parameter ${name} is given but the query does not use $${name}`;
  for (const name of names) {
    const value = params[name];
    if (!Array.isArray(value)) {
      const problem = scalarProblem(value);
      if (problem) return `parameter ${name}: ${problem}`;
      continue;
    }
    if (value.length > MAX_LIST_ITEMS) return `parameter ${name}: a list of more than ${MAX_LIST_ITEMS} items`;
    const kinds = new Set(
      value.map((v) => (typeof v === 'number' ? (Number.isSafeInteger(v) ? 'integer' : 'number') : describe(v))),
    );
    if (kinds.size > 1) return `parameter ${name}: a list mixes ${[...kinds].join(' and ')} (lists hold one type)`;
    const [kind] = [...kinds];
    if (kind !== undefined && !['string', 'boolean', 'integer'].includes(kind)) {
      return `parameter ${name}: a list of ${kind === 'number' ? 'fractional numbers' : `${kind}s`} (lists hold strings, booleans or whole numbers)`;
    }
    for (const v of value) {
      const problem = scalarProblem(v);
      if (problem) return `parameter ${name}: an item is ${problem}`;
    }
  }
  return null;
}
