/**
 * Dates and times as exports write them, read with a format string (`DD.MM.YYYY HH:mm:ss`) and a time
 * zone, either a fixed offset (`+03:00`, `UTC`) or an IANA name (`Europe/Moscow`, daylight saving time
 * included). The domain's normaliser takes ISO 8601 and fixed offsets only; this is the importer's
 * bridge to it: the result is an ISO 8601 UTC string the normaliser accepts as is.
 */

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC when the text itself carried an offset (`Z`, `+0300`). */
  readonly offset?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Tokens, longest first so `YYYY` wins over `YY` and `MMM` over `MM`. */
const TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['YYYY', '(\\d{4})'],
  ['SSS', '(\\d{1,9})'],
  ['MMM', '([A-Za-z]{3,9})'],
  ['YY', '(\\d{2})'],
  ['MM', '(\\d{2})'],
  ['DD', '(\\d{2})'],
  ['HH', '(\\d{2})'],
  ['hh', '(\\d{2})'],
  ['mm', '(\\d{2})'],
  ['ss', '(\\d{2})'],
  ['M', '(\\d{1,2})'],
  ['D', '(\\d{1,2})'],
  ['H', '(\\d{1,2})'],
  ['h', '(\\d{1,2})'],
  ['A', '([AaPp][Mm])'],
  ['Z', '([Zz]|[+-]\\d{2}:?\\d{2})'],
];

export interface DateFormat {
  readonly text: string;
  parse(value: string): WallTime | undefined;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A format string compiled to a parser. Tokens: YYYY YY MM M MMM (Jan..Dec) DD D HH H hh h (12-hour,
 * with A for AM/PM) mm ss SSS (fraction) Z (offset or Z); anything else is literal. Refuses a format
 * without a year, month and day, or with hh and no A.
 */
export function compileDateFormat(format: string): DateFormat {
  let pattern = '';
  const fields: string[] = [];
  for (let i = 0; i < format.length;) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      pattern += token[1];
      fields.push(token[0]);
      i += token[0].length;
    } else {
      pattern += /\s/.test(format[i]!) ? '\\s+' : escapeRegex(format[i]!);
      i++;
    }
  }
  const has = (...t: string[]) => t.some((x) => fields.includes(x));
  if (!has('YYYY', 'YY') || !has('MM', 'M', 'MMM') || !has('DD', 'D')) {
    throw new Error(`date format "${format}" needs a year (YYYY), a month (MM) and a day (DD)`);
  }
  if (has('hh', 'h') !== has('A')) throw new Error(`date format "${format}": hh (12-hour) goes with A (AM/PM)`);
  const regex = new RegExp(`^${pattern}$`);
  return {
    text: format,
    parse(value) {
      const m = regex.exec(value.trim());
      if (!m) return undefined;
      const t = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
      let pm: boolean | undefined;
      let offset: number | undefined;
      for (const [i, field] of fields.entries()) {
        const s = m[i + 1]!;
        const n = Number(s);
        if (field === 'YYYY') t.year = n;
        else if (field === 'YY') t.year = n < 70 ? 2000 + n : 1900 + n;
        else if (field === 'MM' || field === 'M') t.month = n;
        else if (field === 'MMM') {
          t.month = MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
          if (t.month === 0) return undefined;
        } else if (field === 'DD' || field === 'D') t.day = n;
        else if (field === 'HH' || field === 'H' || field === 'hh' || field === 'h') t.hour = n;
        else if (field === 'mm') t.minute = n;
        else if (field === 'ss') t.second = n;
        else if (field === 'SSS') t.millisecond = Number(s.slice(0, 3).padEnd(3, '0'));
        else if (field === 'A') pm = s.toLowerCase() === 'pm';
        else if (field === 'Z') offset = fixedOffset(s);
      }
      if (pm !== undefined) {
        if (t.hour < 1 || t.hour > 12) return undefined;
        t.hour = (t.hour % 12) + (pm ? 12 : 0);
      }
      return offset === undefined ? t : { ...t, offset };
    },
  };
}

/** Minutes east of UTC of `Z`, `UTC`, `+03:00`, `-0530`, `+03`; undefined when it is none of those. */
export function fixedOffset(zone: string): number | undefined {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m || Number(m[2]) > 23 || Number(m[3] ?? 0) > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether Node's ICU knows this IANA zone name. */
export function isIanaZone(zone: string): boolean {
  try {
    zoneFormat(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(zone, f);
  }
  return f;
}

const QUARTER_HOUR = 900_000;
/** Offsets by zone, then by quarter hour since the epoch (numbers: no key string to build a row). */
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Offset of an IANA zone at an instant, in minutes east of UTC. Offsets are whole quarter hours and change
 * on quarter-hour instants, so one answer per zone and quarter hour is cached (Intl is the slow part).
 */
function ianaOffsetAt(zone: string, ms: number): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offsets = offsetCache.get(zone);
  if (!offsets) offsetCache.set(zone, (offsets = new Map()));
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= 100_000) offsets.clear();
    offset = offsetAtNow(zone, quarter * QUARTER_HOUR);
    offsets.set(quarter, offset);
  }
  return offset;
}

function offsetAtNow(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormat(zone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = utcMs(
    parts['year']!,
    parts['month']!,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Why a wall time cannot exist, or undefined when it can. */
export function wallTimeProblem(t: WallTime): string | undefined {
  if (t.month < 1 || t.month > 12) return `no month ${t.month}`;
  const days = t.month === 2 && !leap(t.year) ? 28 : DAYS[t.month - 1]!;
  if (t.day < 1 || t.day > days) return `no such date ${t.year}-${t.month}-${t.day}`;
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return 'time out of range';
  return undefined;
}

/**
 * The instant of a wall time as ISO 8601 UTC: its own offset if it carried one, else `zone`'s (a fixed
 * offset, or an IANA zone at that moment). A local time that a daylight-saving change makes ambiguous
 * is read with the earlier offset; one skipped by the change is moved forward by the gap.
 */
export function wallTimeToIso(t: WallTime, zone: string): string {
  const local = utcMs(t.year, t.month, t.day, t.hour, t.minute, t.second, t.millisecond);
  if (t.offset !== undefined) return new Date(local - t.offset * 60_000).toISOString();
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return new Date(local - fixed * 60_000).toISOString();
  // The offsets a day before and after bracket any change; an offset fits when the instant it gives has it.
  const DAY = 86_400_000;
  const before = ianaOffsetAt(zone, local - DAY);
  const after = ianaOffsetAt(zone, local + DAY);
  const at = ianaOffsetAt(zone, local);
  // One offset around (most hours of most days): it is the answer when it fits; no need to sort candidates.
  if (before === after && at === before && ianaOffsetAt(zone, local - before * 60_000) === before)
    return new Date(local - before * 60_000).toISOString();
  const candidates = [before, after, at];
  const consistent = candidates.filter((o) => ianaOffsetAt(zone, local - o * 60_000) === o);
  // Two fit: the hour a change repeats, take the earlier instant (the larger offset). None: the hour a
  // change skips, read with the offset before it, which lands after the gap.
  const offset = consistent.length > 0 ? Math.max(...consistent) : before;
  return new Date(local - offset * 60_000).toISOString();
}

/** `YYYY-MM-DD` of a wall time (no zone: a calendar date is not an instant). */
export const wallTimeToDate = (t: WallTime) =>
  `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/;

/** An ISO-like local date-time without an offset (`2024-05-01 10:11[:12[.345]]`), or undefined. */
export function parseLocalIso(value: string): WallTime | undefined {
  const m = LOCAL_ISO.exec(value.trim());
  if (!m) return undefined;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: Number((m[7] ?? '').slice(0, 3).padEnd(3, '0')),
  };
}
