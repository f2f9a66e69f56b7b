/** A row that cannot be loaded, naming the column (or JSON field) to blame; the load goes on. */
export class RowReject extends Error {
  constructor(
    /** Column or JSON path, e.g. `called`, `tx.hash`; a mapping name (`victim.key`) for constants. */
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'RowReject';
  }
}

/** A row as read: CSV cells by header name, or a JSON object. */
export type Row = Readonly<Record<string, unknown>>;

/** The value at a column name, or at a dotted path into a JSON object (`sender.address`). */
export function valueAt(row: Row, path: string): unknown {
  if (Object.hasOwn(row, path)) return row[path];
  if (!path.includes('.')) return undefined;
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
