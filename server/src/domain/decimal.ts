import { invalidArgument } from './errors.js';

/**
 * Exact decimal arithmetic on strings. Amounts cross the port as exact strings (a token transfer can
 * carry 78 digits), so nothing here goes through a float: a decimal is a BigInt scaled by 10^scale.
 */

export interface ScaledDecimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  /** Digits after the decimal point. */
  readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal string (`-12.50`, `+3`, `007`): no exponent, no separators. */
export function parseDecimal(s: string): ScaledDecimal {
  const m = DECIMAL.exec(s);
  if (!m) throw invalidArgument('decimal', `"${s}" is not a decimal string (expected e.g. 1234.5)`);
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

/** The canonical string of units / 10^scale: no leading zeros, no trailing fractional zeros, never "-0". */
export function formatScaled(units: bigint, scale: number): string {
  if (units === 0n) return '0';
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function aligned(a: string, b: string): [bigint, bigint, number] {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.units * 10n ** BigInt(scale - x.scale), y.units * 10n ** BigInt(scale - y.scale), scale];
}

/** a + b, exactly, as a canonical decimal string. */
export function addDecimals(a: string, b: string): string {
  const [x, y, scale] = aligned(a, b);
  return formatScaled(x + y, scale);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b (exact; "1.50" equals "1.5"). */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}
