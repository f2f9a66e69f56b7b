import { invalidArgument } from '../errors.js';

export type DateTimeResult = { ok: true; value: string } | { ok: false; raw: string; reason: string };
export type DateResult = { ok: true; value: string } | { ok: false; raw: string; reason: string };

export interface DateTimeOptions {
  /** Zone of local times without an offset: `UTC` (default) or a fixed offset like `+03:00`. */
  readonly timeZone?: string;
}

// Date, then optionally a time (T or space) with seconds, fraction and a zone (Z, ±HH:MM, ±HHMM, ±HH).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
// Five digits at least, so that a bare year ("2024") is not read as seconds after 1970.
const EPOCH_SECONDS = /^[+-]?\d{5,16}(?:\.\d+)?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MIN_MS = -62167219200000; // 0000-01-01T00:00:00.000Z

const fail = (raw: string, reason: string) => ({ ok: false, raw, reason }) as const;

/** Minutes east of UTC of a zone (`Z`, `UTC`, `+03:00`, `-0530`, `+03`), or undefined when malformed. */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z' || zone.toUpperCase() === 'UTC') return 0;
  const m = OFFSET.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Milliseconds since the epoch of a UTC wall time; Date.UTC alone maps years 0-99 to 1900-1999. */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function iso(ms: number, raw: string) {
  if (ms < MIN_MS || ms > MAX_MS) return fail(raw, 'outside years 0000-9999');
  return { ok: true, value: new Date(ms).toISOString() } as const;
}

/**
 * A point in time as ISO 8601 UTC with milliseconds (`2024-05-01T10:11:12.000Z`). Accepts ISO 8601 with
 * an offset or Z, `YYYY-MM-DD HH:MM[:SS[.fff]]` and a bare date (both read in `timeZone`, default UTC),
 * and epoch seconds. Fractions beyond milliseconds are truncated. Never throws on data; a malformed
 * `timeZone` option is a caller's mistake and is refused.
 */
export function normaliseDateTime(raw: string, options: DateTimeOptions = {}): DateTimeResult {
  const zone = options.timeZone ?? 'UTC';
  const defaultOffset = offsetMinutes(zone);
  if (defaultOffset === undefined) {
    throw invalidArgument('timeZone', `"${zone}" is not UTC or a fixed offset like +03:00`);
  }
  if (typeof raw !== 'string') return fail(String(raw), 'not a string');
  const text = raw.trim();
  if (text === '') return fail(raw, 'empty');
  if (EPOCH_SECONDS.test(text)) {
    const ms = Math.trunc(Number(text) * 1000);
    if (Math.abs(ms) > MAX_MS) return fail(raw, 'epoch seconds out of range (epoch milliseconds?)');
    return iso(ms, raw);
  }
  const m = DATE_TIME.exec(text);
  if (!m) return fail(raw, 'not a date-time (expected ISO 8601, "YYYY-MM-DD HH:MM[:SS]" or epoch seconds)');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(year, month, day)) return fail(raw, `no such date ${m[1]}-${m[2]}-${m[3]}`);
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return fail(raw, 'time out of range');
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const offset = m[8] === undefined ? defaultOffset : offsetMinutes(m[8]);
  if (offset === undefined) return fail(raw, `bad UTC offset "${m[8]}"`);
  return iso(utcMs(year, month, day, hour, minute, second, millis) - offset * 60_000, raw);
}

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
// Day first with dots is how Russian (and most European) documents write dates: 01.05.2024.
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * A calendar date as `YYYY-MM-DD` from `YYYY-MM-DD`, `YYYY/MM/DD` or `DD.MM.YYYY`; the date must exist.
 * Slashes with the day first or the month first are ambiguous and refused.
 */
export function normaliseDate(raw: string): DateResult {
  if (typeof raw !== 'string') return fail(String(raw), 'not a string');
  const text = raw.trim();
  if (text === '') return fail(raw, 'empty');
  let parts: [string, string, string] | undefined;
  const isoMatch = ISO_DATE.exec(text);
  if (isoMatch) parts = [isoMatch[1]!, isoMatch[2]!, isoMatch[3]!];
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) parts = [dotted[3]!, dotted[2]!, dotted[1]!];
  if (!parts) return fail(raw, 'not a date (expected YYYY-MM-DD or DD.MM.YYYY)');
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isCalendarDate(year, month, day)) return fail(raw, `no such date ${text}`);
  return { ok: true, value: `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}` };
}
