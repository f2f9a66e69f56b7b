import type { PropertyTypeShape } from '../model-shape.js';

/**
 * How each model property type is stored in Kuzu and how values travel in and out.
 *
 * In: every scalar value is bound as a STRING (or NULL) and converted in Cypher. Kuzu infers a list
 * parameter's element type from its first element and reinterprets later values bit for bit, and JS Dates
 * bind as DATE (dropping the time), so no number, Date or boolean is ever bound inside a row.
 * Out: INT64 is read as a string (a JS number loses precision above 2^53); the rest is read natively.
 */
export const KUZU_TYPES: Readonly<Record<PropertyTypeShape, string>> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  decimal: 'STRING', // exact: DECIMAL comes back to JS as a float
  'string[]': 'STRING[]',
};

/** Expression turning a bound string value (`$p` or `r.p`) into the stored type; NULL stays NULL. */
export function fromBound(type: PropertyTypeShape, ref: string): string {
  switch (type) {
    case 'int':
      return `CAST(${ref} AS INT64)`;
    case 'float':
      return `CAST(${ref} AS DOUBLE)`;
    case 'boolean':
      return `CAST(${ref} AS BOOLEAN)`;
    case 'date':
      return `date(${ref})`;
    case 'datetime':
      return `timestamp(${ref})`;
    default:
      return ref;
  }
}

/** Expression reading a stored value so that it reaches JS exactly. */
export function toRead(type: PropertyTypeShape, ref: string): string {
  return type === 'int' ? `CAST(${ref} AS STRING)` : ref;
}
