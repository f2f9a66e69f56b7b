/**
 * Values between the port and Kuzu. Going in, every scalar is bound as a string and converted in Cypher
 * (see cypher/src/kuzu/kuzu-types.ts for why); lists go as lists. Coming out, INT64 arrives as a decimal
 * string (read with CAST) and leaves as a JS number when exact, else as the string; DATE and TIMESTAMP
 * arrive as JS Dates (or as text when a column spans tables of different types) and leave as
 * `YYYY-MM-DD` and ISO 8601 UTC with milliseconds.
 */
import { invalidArgument } from '../../domain/errors.js';
import type { PropertyValue, SourceRef } from '../../domain/graph.js';
import type { PropertyType } from '../../domain/model/index.js';

/** What a property value is bound as: a string, a list of strings, or NULL (keep the stored value). */
export type Bound = string | string[] | null;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A property value as bound for Kuzu, checked against its declared type. `null` and an empty list mean
 * "not given": the stored value is kept (an empty list parameter binds as NULL in Kuzu anyway).
 */
export function bindValue(where: string, type: PropertyType, value: PropertyValue | undefined): Bound {
  if (value === null || value === undefined) return null;
  const refuse = (expected: string) => invalidArgument(where, `expects ${expected}, got ${JSON.stringify(value)}`);
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      throw refuse('a string');
    case 'decimal':
      if (typeof value === 'string' && DECIMAL.test(value)) return value;
      throw refuse('an exact decimal string like "12.50"');
    case 'int': {
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
      if (typeof text === 'string' && INTEGER.test(text) && BigInt(text) >= INT64_MIN && BigInt(text) <= INT64_MAX) {
        return BigInt(text).toString();
      }
      throw refuse('a whole number within 64 bits (a decimal string beyond 2^53)');
    }
    case 'float':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw refuse('a finite number');
    case 'boolean':
      if (typeof value === 'boolean') return String(value);
      throw refuse('true or false');
    case 'date':
      if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        return value;
      }
      throw refuse('a date YYYY-MM-DD');
    case 'datetime':
      if (typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value))) {
        return new Date(value).toISOString();
      }
      throw refuse('an ISO 8601 datetime with a zone, e.g. 2024-05-01T10:11:12.000Z');
    case 'string[]':
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? [...value] : null;
      throw refuse('a list of strings');
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(raw: unknown): string {
  if (raw instanceof Date) return `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`;
  return String(raw).slice(0, 10);
}

function datetimeText(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString();
  // Kuzu's text form: `2024-05-01 10:11:12[.ffffff]` (UTC); sub-milliseconds are dropped like a Date would.
  const [day, time = '00:00:00'] = String(raw).split(' ');
  const [hms, fraction = ''] = time.split('.');
  return `${day}T${hms}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
}

function integerValue(raw: unknown): number | string {
  const text = typeof raw === 'bigint' ? raw.toString() : String(raw);
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/** A stored value as port data; NULL becomes `null` (and is then omitted from properties). */
export function readValue(type: PropertyType, raw: unknown): PropertyValue {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'int':
      return integerValue(raw);
    case 'float':
      return typeof raw === 'number' ? raw : Number(raw);
    case 'boolean':
      return typeof raw === 'boolean' ? raw : String(raw).toLowerCase() === 'true';
    case 'date':
      return dateText(raw);
    case 'datetime':
      return datetimeText(raw);
    case 'string[]':
      return Array.isArray(raw) ? raw.map(String) : null;
    default:
      return String(raw);
  }
}

/** The form values are compared in to tell an update from an unchanged write. */
export function comparable(value: Bound | PropertyValue): string | null {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/** `<sha256>#<locator>`, the stored form of a source reference. */
export const formatSource = (ref: SourceRef) => `${ref.sha256}#${ref.locator}`;

export function parseSource(stored: string): SourceRef {
  const hash = stored.indexOf('#');
  return hash < 0
    ? { sha256: stored, locator: '' }
    : { sha256: stored.slice(0, hash), locator: stored.slice(hash + 1) };
}

