/**
 * Exact sums of decimal strings (amounts cross the API as strings, a token transfer can carry 78 digits),
 * as the server's domain/decimal.ts does: a BigInt scaled by 10^scale, never a float.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

function parse(s: string): { units: bigint; scale: number } | null {
  const m = DECIMAL.exec(s.trim());
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

function format(units: bigint, scale: number): string {
  if (units === 0n) return '0';
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** a + b exactly, canonical (`1.50` + `1` = `2.5`); null when either is not a plain decimal string. */
export function addDecimals(a: string, b: string): string | null {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  return format(x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale), scale);
}

/** -1, 0 or 1 (exact); a string that is not a decimal sorts first. */
export function compareDecimals(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  const scale = Math.max(x.scale, y.scale);
  const d = x.units * 10n ** BigInt(scale - x.scale) - y.units * 10n ** BigInt(scale - y.scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
