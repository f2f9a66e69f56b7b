/**
 * Values between the port and the driver. Neo4j integers arrive as lossless `Integer`s and leave as JS
 * numbers when within ±2^53, else as decimal strings; datetimes leave as ISO 8601 UTC with milliseconds,
 * dates as YYYY-MM-DD. Graph objects (nodes, relationships, paths) must never reach this far: statements
 * return properties and ids, so meeting one is a bug, reported as INTERNAL rather than leaked.
 */
import { int, isDate, isDateTime, isInt, isNode, isPath, isRelationship, type Integer, types } from 'neo4j-driver';
import { DomainError, invalidArgument } from '../../domain/errors.js';
import type { PropertyValue } from '../../domain/graph.js';
import type { PropertyDef } from '../../domain/model/index.js';

/** A Neo4j integer as a JS number when exact, else as its decimal string. */
export function integerOut(value: Integer | bigint): number | string {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

const num = (v: number | bigint | Integer): number =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.toNumber();

/** Milliseconds since the epoch of wall-clock fields read as UTC. */
function wallClockMs(v: InstanceType<typeof types.DateTime>): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  d.setUTCFullYear(num(v.year), num(v.month) - 1, num(v.day));
  d.setUTCHours(num(v.hour), num(v.minute), num(v.second), Math.floor(num(v.nanosecond) / 1e6));
  return d.getTime();
}

/** Offset of a named zone at an instant, in ms (Intl knows the tz database). */
function zoneOffsetMs(zone: string, atMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(atMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(atMs / 1000) * 1000;
}

/** A Neo4j DateTime as `YYYY-MM-DDTHH:mm:ss.sssZ` (the instant in UTC, sub-milliseconds dropped). */
export function dateTimeOut(value: InstanceType<typeof types.DateTime>): string {
  const local = wallClockMs(value);
  const offset = value.timeZoneOffsetSeconds;
  if (offset !== undefined && offset !== null) return new Date(local - num(offset) * 1000).toISOString();
  // Only a zone id (the server sends an offset with it, so this is rare): resolve it with Intl.
  const zone = value.timeZoneId ?? 'UTC';
  const first = local - zoneOffsetMs(zone, local);
  return new Date(local - zoneOffsetMs(zone, first)).toISOString();
}

/** Any value a statement returns, converted to port data. */
export function valueOut(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint' || isInt(value)) return integerOut(value as Integer | bigint);
  if (isDateTime(value)) return dateTimeOut(value);
  if (isDate(value)) return value.toString();
  if (Array.isArray(value)) return value.map(valueOut);
  if (isNode(value) || isRelationship(value) || isPath(value)) {
    throw new DomainError('INTERNAL', 'a Neo4j graph object reached the store boundary (statements must return data)');
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, valueOut(v)]));
  }
  // Other temporal and spatial types are not in the model; their ISO text is the honest rendering.
  return String(value);
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A property value as the driver must send it, checked against its declared type with the same rules and
 * messages as the embedded adapter; `null` means "not given" (null, or an empty list: keep the stored value).
 * JS numbers travel as floats, so an `int` goes as a Neo4j Integer (exact within 64 bits); decimals stay
 * exact strings; dates and datetimes go as text for date()/datetime() in Cypher, datetimes normalised to
 * ISO UTC with milliseconds (what is read back), so re-writing the same instant counts as unchanged.
 */
export function propertyIn(where: string, def: Pick<PropertyDef, 'type'>, value: PropertyValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  const refuse = (expected: string) => invalidArgument(where, `expects ${expected}, got ${JSON.stringify(value)}`);
  switch (def.type) {
    case 'string':
      if (typeof value === 'string') return value;
      throw refuse('a string');
    case 'decimal':
      if (typeof value === 'string' && DECIMAL.test(value)) return value;
      throw refuse('an exact decimal string like "12.50"');
    case 'int': {
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
      if (typeof text === 'string' && INTEGER.test(text) && BigInt(text) >= INT64_MIN && BigInt(text) <= INT64_MAX) {
        return int(BigInt(text).toString());
      }
      throw refuse('a whole number within 64 bits (a decimal string beyond 2^53)');
    }
    case 'float':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      throw refuse('a finite number');
    case 'boolean':
      if (typeof value === 'boolean') return value;
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

