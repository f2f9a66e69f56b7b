import { invalidArgument } from '../errors.js';
import type { PropertyValue } from '../graph.js';
import type { KindDef, PropertyDef, PropertyType, RelationshipDef } from '../model/index.js';
import { propertyOf } from '../model/index.js';
import { normaliseAmount } from '../normalise/amount.js';
import { normaliseCountry } from '../normalise/country.js';
import { normaliseDate, normaliseDateTime } from '../normalise/datetime.js';
import { normalisePhone } from '../normalise/phone.js';
import type { Flag } from './flag.js';

export interface PrepareContext {
  /** ISO alpha-2 region for phone numbers written in national format. */
  defaultRegion?: string;
  /** Zone of local date-times without an offset: `UTC` (default) or a fixed offset like `+03:00`. */
  timeZone?: string;
}

type Coerced = { ok: true; value: PropertyValue } | { ok: false; reason: string };

const MAX_SHOWN = 80;
const LIST_SEPARATOR = /[;|]/;
const MAX_EPOCH_MS = 253402300799999; // 9999-12-31T23:59:59.999Z

// The model says in a property's description what a string holds; these two get normalised and flagged.
const isCountryCode = (def: PropertyDef) => def.type === 'string' && /ISO 3166-1 alpha-2/.test(def.description);
const isPhone = (def: PropertyDef) => def.type === 'string' && /\bE\.164\b/.test(def.description);

/** Empty string, null and undefined mean "not given": the property is not set. */
export const isAbsent = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
}

const foldEnum = (s: string) => s.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

function text(value: unknown): Coerced {
  if (typeof value === 'string') return { ok: true, value: value.trim() };
  if (
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  ) {
    return { ok: true, value: String(value) };
  }
  return { ok: false, reason: 'not a text value' };
}

function enumerated(value: string, values: readonly string[] | undefined): Coerced {
  if (!values) return { ok: true, value };
  const match = values.find((v) => foldEnum(v) === foldEnum(value));
  return match === undefined ? { ok: false, reason: `not one of: ${values.join(', ')}` } : { ok: true, value: match };
}

function integer(value: unknown): Coerced {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'string') {
    const amount = normaliseAmount(value);
    if (!amount.ok) return { ok: false, reason: amount.reason };
    if (!/^-?\d+$/.test(amount.value)) return { ok: false, reason: 'not a whole number' };
    n = Number(amount.value);
  } else return { ok: false, reason: 'not a number' };
  if (!Number.isInteger(n)) return { ok: false, reason: 'not a whole number' };
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'beyond ±2^53, store it as a decimal' };
  return { ok: true, value: n };
}

function float(value: unknown): Coerced {
  const amount = typeof value === 'string' || typeof value === 'bigint' ? normaliseAmount(value) : undefined;
  if (amount && !amount.ok) return { ok: false, reason: amount.reason };
  const n = amount?.ok ? Number(amount.value) : value;
  if (typeof n !== 'number') return { ok: false, reason: 'not a number' };
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: 'not a finite number' };
}

function boolean(value: unknown): Coerced {
  if (typeof value === 'boolean') return { ok: true, value };
  const key = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : '';
  if (['yes', 'true', '1'].includes(key)) return { ok: true, value: true };
  if (['no', 'false', '0'].includes(key)) return { ok: true, value: false };
  return { ok: false, reason: 'expected yes/no, true/false or 1/0' };
}

const validDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

function date(value: unknown): Coerced {
  if (validDate(value)) return { ok: true, value: value.toISOString().slice(0, 10) };
  if (typeof value !== 'string') return { ok: false, reason: 'not a date string' };
  const d = normaliseDate(value);
  return d.ok ? d : { ok: false, reason: d.reason };
}

function datetime(value: unknown, context: PrepareContext): Coerced {
  if (validDate(value)) return { ok: true, value: value.toISOString() };
  if (typeof value === 'number') {
    // A JSON number is epoch seconds, as in a string.
    const ms = Math.trunc(value * 1000);
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) return { ok: false, reason: 'epoch seconds out of range' };
    return { ok: true, value: new Date(ms).toISOString() };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'not a date-time string' };
  const d = normaliseDateTime(value, context.timeZone === undefined ? {} : { timeZone: context.timeZone });
  return d.ok ? d : { ok: false, reason: d.reason };
}

function decimal(value: unknown): Coerced {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    return { ok: false, reason: 'not a number' };
  }
  const amount = normaliseAmount(value);
  return amount.ok ? amount : { ok: false, reason: amount.reason };
}

function list(value: unknown, def: PropertyDef): Coerced {
  const items = typeof value === 'string' ? value.split(LIST_SEPARATOR) : Array.isArray(value) ? value : undefined;
  if (!items) return { ok: false, reason: 'expected a list or a "a; b" string' };
  const out: string[] = [];
  for (const item of items) {
    if (isAbsent(item)) continue;
    const t = text(item);
    if (!t.ok) return { ok: false, reason: `item ${show(item)} is ${t.reason}` };
    const e = enumerated(t.value as string, def.values);
    if (!e.ok) return e;
    if (!out.includes(e.value as string)) out.push(e.value as string);
  }
  return { ok: true, value: out };
}

function coerceByType(type: PropertyType, def: PropertyDef, value: unknown, context: PrepareContext): Coerced {
  switch (type) {
    case 'string': {
      const t = text(value);
      return t.ok ? enumerated(t.value as string, def.values) : t;
    }
    case 'int':
      return integer(value);
    case 'float':
      return float(value);
    case 'boolean':
      return boolean(value);
    case 'date':
      return date(value);
    case 'datetime':
      return datetime(value, context);
    case 'decimal':
      return decimal(value);
    case 'string[]':
      return list(value, def);
  }
}

/**
 * One property value coerced to its model type. Absent values give undefined. A value of the wrong
 * type is refused naming the field, the value and the type; country codes and phone numbers that do
 * not normalise are kept as given and flagged.
 */
export function coerceValue(
  ownerName: string,
  field: string,
  def: PropertyDef,
  value: unknown,
  context: PrepareContext,
  flags: Flag[],
): PropertyValue | undefined {
  if (isAbsent(value)) return undefined;
  const coerced = coerceByType(def.type, def, value, context);
  if (!coerced.ok) {
    throw invalidArgument(field, `${ownerName}.${field} expects ${def.type}, got ${show(value)}: ${coerced.reason}`);
  }
  if (def.type === 'string[]' && (coerced.value as readonly string[]).length === 0) return undefined;
  if (isCountryCode(def)) {
    const country = normaliseCountry(coerced.value as string);
    if (country.ok) return country.code;
    flags.push({ field, value: coerced.value as string, reason: country.reason });
  } else if (isPhone(def)) {
    const phone = normalisePhone(coerced.value as string, context.defaultRegion);
    if (phone.ok) return phone.e164;
    flags.push({ field, value: coerced.value as string, reason: phone.reason });
  }
  return coerced.value;
}

/** propertyOf, but "constructor" or "toString" (found on any object's prototype) are not declared properties. */
export function declaredProperty(owner: KindDef | RelationshipDef, field: string): PropertyDef {
  if (Object.hasOwn(owner.properties, field)) return propertyOf(owner, field);
  const known = Object.keys(owner.properties).join(', ') || 'none';
  throw invalidArgument('property', `${owner.name} has no property "${field}" (known: ${known})`);
}

/** Every given property coerced, refusing one the model does not declare; `skip` names keys handled elsewhere. */
export function coerceProperties(
  owner: KindDef | RelationshipDef,
  raw: Readonly<Record<string, unknown>>,
  context: PrepareContext,
  skip: readonly string[] = [],
): { properties: Record<string, PropertyValue>; flags: Flag[] } {
  const properties: Record<string, PropertyValue> = {};
  const flags: Flag[] = [];
  for (const [field, value] of Object.entries(raw ?? {})) {
    const def = declaredProperty(owner, field);
    if (skip.includes(field)) continue;
    const coerced = coerceValue(owner.name, field, def, value, context, flags);
    if (coerced !== undefined) properties[field] = coerced;
  }
  return { properties, flags };
}
