import { formatScaled } from '../decimal.js';

export type AmountResult = { ok: true; value: string } | { ok: false; raw: string; reason: string };

/**
 * Exponents are accepted (a JS number prints 1e21 as "1e+21") but bounded, so a hostile "1e999999999"
 * cannot make us build a billion-digit string.
 */
const MAX_EXPONENT = 400;

// Sign, digits with an optional point, optional exponent. Separators are removed before this runs.
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
// Spaces (incl. no-break and thin spaces) and underscores group digits: "1 234.50", "1_234.5".
const GROUP = /[\s_]/g;
// A separator is only a separator between two digits.
const LOOSE_GROUP = /(^|\D)[\s_]|[\s_](\D|$)/;

const fail = (raw: string, reason: string): AmountResult => ({ ok: false, raw, reason });

/**
 * An amount as a canonical exact decimal string: no exponent, no leading zeros, trailing fractional
 * zeros trimmed, "-0" as "0". Never throws; what cannot be read comes back with a reason.
 */
export function normaliseAmount(raw: string | number | bigint): AmountResult {
  if (typeof raw === 'bigint') return { ok: true, value: raw.toString() };
  if (typeof raw === 'number') {
    // String() is the shortest form that reads back as the same double, which is what the caller wrote.
    if (!Number.isFinite(raw)) return fail(String(raw), 'not a finite number');
    return parse(String(raw), String(raw));
  }
  if (typeof raw !== 'string') return fail(String(raw), 'not a string or number');
  const text = raw.trim();
  if (text === '') return fail(raw, 'empty');
  if (LOOSE_GROUP.test(text)) return fail(raw, 'digit group separators (space, _) must sit between digits');
  if (text.includes(',')) return fail(raw, 'ambiguous separator "," (use "." for the decimal point)');
  return parse(raw, text.replace(GROUP, ''));
}

function parse(raw: string, text: string): AmountResult {
  const m = NUMBER.exec(text);
  if (!m) return fail(raw, 'not a decimal number (expected e.g. 1234.50)');
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return fail(raw, 'no digits');
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > MAX_EXPONENT) return fail(raw, `exponent beyond ±${MAX_EXPONENT}`);
  const units = BigInt(`${whole}${fraction}` || '0');
  const scale = fraction.length - exponent;
  const value = scale >= 0 ? formatScaled(units, scale) : formatScaled(units * 10n ** BigInt(-scale), 0);
  return { ok: true, value: m[1] === '-' && value !== '0' ? `-${value}` : value };
}
