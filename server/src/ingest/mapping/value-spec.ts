/**
 * A value spec compiled to a function of a row: where the value comes from (a column, a constant, a
 * template, the current item of an `each` list) and the clean-up an export needs before the model's own
 * coercion (defaults, patterns, lookups, lists, decimal commas, scaled amounts, dates with a format and a
 * time zone, canonical phones, countries and wallets for keys). Absent values are `undefined`.
 */
import type { Flag } from '../../domain/facts/flag.js';
import { formatScaled, parseDecimal } from '../../domain/decimal.js';
import type { PropertyType } from '../../domain/model/index.js';
import { normaliseAmount } from '../../domain/normalise/amount.js';
import { normaliseCountry } from '../../domain/normalise/country.js';
import { normalisePhone } from '../../domain/normalise/phone.js';
import { normaliseWallet } from '../../domain/normalise/wallet.js';
import {
  compileDateFormat,
  fixedOffset,
  parseLocalIso,
  wallTimeProblem,
  wallTimeToDate,
  wallTimeToIso,
  type DateFormat,
} from './date-format.js';
import { valueObjectOf, type ValueSpec } from './mapping-schema.js';
import { RowReject, valueAt, type Row } from './row-reject.js';

/** What a value needs from the row it is read in. */
export interface Scope {
  /** The current element of the entity's `each` list. */
  readonly item?: unknown;
  /** Region for phone numbers in national form. */
  readonly region?: string | undefined;
  readonly flags: Flag[];
}

export interface CompiledValue {
  /** What a reject names: the column, or the mapping's own name for constants and templates. */
  readonly field: string;
  /** Columns (or JSON paths) the value reads. */
  readonly columns: readonly string[];
  readonly required: boolean;
  read(row: Row, scope: Scope): unknown;
}

export interface ValueContext {
  /** Name in the mapping, e.g. `victim.properties.name`: blamed when no column is. */
  readonly name: string;
  /** Model type of the target; `key` for an entity key, `list` for an `each` list. */
  readonly target: PropertyType | 'key' | 'list';
  /** Default zone of local date-times: a fixed offset or an IANA name. */
  readonly timeZone?: string | undefined;
  readonly dateFormat?: string | undefined;
  readonly dateTimeFormat?: string | undefined;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const TEMPLATE_EDGES = /^[\s/,;:|-]+|[\s/,;:|-]+$/g;

const isAbsent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function source(spec: ReturnType<typeof valueObjectOf>): {
  columns: string[];
  get: (row: Row, scope: Scope) => unknown;
} {
  if (spec.column !== undefined) {
    const column = spec.column;
    return { columns: [column], get: (row) => valueAt(row, column) };
  }
  if (spec.value !== undefined) {
    const value = spec.value;
    return { columns: [], get: () => value };
  }
  if (spec.item) return { columns: [], get: (_row, scope) => scope.item };
  const template = spec.template!;
  const columns = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim());
  return {
    columns,
    get: (row) => {
      let any = false;
      const text = template.replace(PLACEHOLDER, (_, name: string) => {
        const v = valueAt(row, name.trim());
        if (isAbsent(v)) return '';
        any = true;
        return String(v).trim();
      });
      // A missing last (or first) part leaves no dangling separator: "Phishing / " reads "Phishing".
      return any ? text.replace(TEMPLATE_EDGES, '') : undefined;
    },
  };
}

/** `1.234,56` -> `1234.56`: dots and spaces group digits, the comma is the decimal point. */
const fromDecimalComma = (text: string) => text.replace(/[.\s\u00a0\u202f]/g, '').replace(',', '.');

/** An amount times 10^scale, exactly (`scale: -18` reads wei as ether). */
function scaled(text: string, scale: number): string {
  const amount = normaliseAmount(text);
  if (!amount.ok) throw new Error(`${JSON.stringify(text)} is not an amount: ${amount.reason}`);
  const d = parseDecimal(amount.value);
  const s = d.scale - scale;
  return s >= 0 ? formatScaled(d.units, s) : formatScaled(d.units * 10n ** BigInt(-s), 0);
}

// A country or wallet named by a thousand rows is read once (phones: normalisePhone remembers its own,
// and a row's number is read again as a property: one memory serves both).
const canonicalCache = new Map<string, ReturnType<typeof normaliseCountry | typeof normaliseWallet>>();

function canonical(kind: 'phone' | 'country' | 'wallet', text: string, scope: Scope, field: string): string {
  let result;
  if (kind === 'phone') result = normalisePhone(text, scope.region);
  else {
    const key = `${kind}\u0000${text}`;
    result = canonicalCache.get(key);
    if (!result) {
      result = kind === 'country' ? normaliseCountry(text) : normaliseWallet(text);
      if (canonicalCache.size >= 100_000) canonicalCache.clear();
      canonicalCache.set(key, result);
    }
  }
  if (result.ok) return 'e164' in result ? result.e164 : 'code' in result ? result.code : result.address;
  scope.flags.push({ field, value: text, reason: result.reason });
  return text;
}

function dateReader(format: DateFormat | undefined, zone: string, target: 'date' | 'datetime') {
  const iana = fixedOffset(zone) === undefined;
  return (text: string): string => {
    const wall = format ? format.parse(text) : iana || target === 'date' ? parseLocalIso(text) : undefined;
    if (!wall) {
      if (format) throw new Error(`${JSON.stringify(text)} does not match the format "${format.text}"`);
      return text; // ISO with an offset, epoch seconds, a plain date: the model's normaliser reads those
    }
    const problem = wallTimeProblem(wall);
    if (problem) throw new Error(`${JSON.stringify(text)}: ${problem}`);
    return target === 'date' ? wallTimeToDate(wall) : wallTimeToIso(wall, zone);
  };
}

/** Compiles a value spec; a bad pattern or date format is refused here, once, not once per row. */
export function compileValue(spec: ValueSpec, ctx: ValueContext): CompiledValue {
  const o = valueObjectOf(spec);
  const { columns, get } = source(o);
  const field = o.column ?? ctx.name;
  const pattern = o.pattern === undefined ? undefined : new RegExp(o.pattern);
  const map = o.map && new Map(Object.entries(o.map).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const temporal = ctx.target === 'date' || ctx.target === 'datetime' ? ctx.target : undefined;
  const formatText = o.format ?? (temporal === 'date' ? ctx.dateFormat : temporal ? ctx.dateTimeFormat : undefined);
  const format = formatText === undefined ? undefined : compileDateFormat(formatText);
  const readDate = temporal && dateReader(format, o.timeZone ?? ctx.timeZone ?? 'UTC', temporal);
  const listTarget = ctx.target === 'string[]' || ctx.target === 'list';

  const one = (raw: unknown, scope: Scope): unknown => {
    if (isAbsent(raw)) return undefined;
    if (typeof raw === 'object') {
      throw new RowReject(field, `${field} holds ${Array.isArray(raw) ? 'a list' : 'an object'}, not a value`);
    }
    let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
    if (pattern) {
      const m = pattern.exec(String(value));
      if (!m) return undefined;
      value = (m[1] ?? m[0]).trim();
      if (value === '') return undefined;
    }
    if (map) {
      const key = String(value).trim().toLowerCase();
      if (map.has(key)) {
        const mapped = map.get(key);
        if (mapped === null || mapped === undefined || mapped === '') return undefined;
        value = mapped;
      }
    }
    try {
      if (o.decimalComma && typeof value === 'string') value = fromDecimalComma(value);
      if (o.scale !== undefined && o.scale !== 0) value = scaled(String(value), o.scale);
      if (readDate && typeof value === 'string') value = readDate(value);
    } catch (e) {
      throw new RowReject(field, `${field}: ${(e as Error).message}`);
    }
    if (o.normalise) value = canonical(o.normalise, String(value), scope, field);
    return value;
  };

  return {
    field,
    columns,
    required: o.required ?? false,
    read(row, scope) {
      let raw = get(row, scope);
      if (isAbsent(raw) && o.default !== undefined) raw = o.default;
      let value: unknown;
      if (Array.isArray(raw) || (listTarget && o.split !== undefined && typeof raw === 'string')) {
        const items = Array.isArray(raw) ? raw : (raw as string).split(o.split!);
        if (!listTarget) {
          throw new RowReject(field, `${field} holds a list; ${ctx.name} takes one value (map it with "each")`);
        }
        const out = items.map((item) => one(item, scope)).filter((v) => v !== undefined);
        value = out.length === 0 ? undefined : out;
      } else value = one(raw, scope);
      if (value === undefined && o.required) throw new RowReject(field, `${field} is empty (${ctx.name} is required)`);
      return value;
    },
  };
}
