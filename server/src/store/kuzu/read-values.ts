/**
 * Kuzu values of a raw read as port cells (plain JSON): a node as its entity id, a relationship as its
 * link id, a path as `{ entityIds, linkIds }`; DATE as `YYYY-MM-DD`, TIMESTAMP as ISO 8601 UTC; INT128
 * (what `sum()` of integers gives) as a number when exact, else a decimal string. Engine-internal ids
 * (`{offset, table}`, what `id(n)` gives) never leave: they become null.
 */
import type { CellValue } from '../port.js';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInternalId = (v: unknown) =>
  isObject(v) && Object.keys(v).length === 2 && typeof v['offset'] === 'number' && typeof v['table'] === 'number';
/** A node or relationship object: Kuzu marks both with `_label` and `_id`. */
const isGraphObject = (v: Obj) => '_label' in v && '_id' in v;
const isPath = (v: Obj) => Array.isArray(v['_nodes']) && Array.isArray(v['_rels']);

const idOf = (v: unknown): CellValue => (isObject(v) && typeof v['id'] === 'string' ? v['id'] : null);

/** `type` is the column's Kuzu type (`DATE`, `DATE[]`, `INT128`...), which says how to read a JS Date. */
export function cellOf(value: unknown, type: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return /^DATE(\[\])*$/.test(type) ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (Buffer.isBuffer(value)) return value.toString('base64');
  const inner = type.replace(/\[\]$/, '');
  if (Array.isArray(value)) return value.map((v) => cellOf(v, inner));
  if (!isObject(value)) return String(value);
  if (isInternalId(value)) return null;
  if (isPath(value)) {
    return {
      entityIds: (value['_nodes'] as unknown[]).map(idOf),
      linkIds: (value['_rels'] as unknown[]).map(idOf),
    };
  }
  if (isGraphObject(value)) return idOf(value);
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cellOf(v, '');
  return out;
}
