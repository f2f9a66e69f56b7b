import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, formatScaled, parseDecimal } from './decimal.js';

/** A decimal string of units / 10^scale written by hand (not by the code under test), zeros kept. */
function write(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return units < 0n ? `-${body}` : body;
}

/** The units of a canonical result at a given scale, read independently of the code under test. */
function unitsAt(value: string, scale: number): bigint {
  const m = /^(-?)(0|[1-9]\d*)(?:\.(\d*[1-9]))?$/.exec(value);
  if (!m) throw new Error(`not canonical: ${value}`);
  const fraction = m[3] ?? '';
  expect(fraction.length).toBeLessThanOrEqual(scale);
  const units = BigInt(`${m[2]}${fraction.padEnd(scale, '0')}`);
  return m[1] === '-' ? -units : units;
}

const big = fc.bigInt({ min: -(10n ** 80n), max: 10n ** 80n });
const scale = fc.integer({ min: 0, max: 40 });

describe('decimal', () => {
  it('adds exactly, as BigInt arithmetic does', () => {
    fc.assert(
      fc.property(big, scale, big, scale, (a, sa, b, sb) => {
        const s = Math.max(sa, sb);
        const expected = a * 10n ** BigInt(s - sa) + b * 10n ** BigInt(s - sb);
        expect(unitsAt(addDecimals(write(a, sa), write(b, sb)), s)).toBe(expected);
      }),
    );
  });

  it('compares exactly, as BigInt comparison does', () => {
    fc.assert(
      fc.property(big, scale, big, scale, (a, sa, b, sb) => {
        const s = Math.max(sa, sb);
        const x = a * 10n ** BigInt(s - sa);
        const y = b * 10n ** BigInt(s - sb);
        expect(compareDecimals(write(a, sa), write(b, sb))).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
    );
  });

  it('treats equal values with different zeros as equal', () => {
    expect(compareDecimals('1.50', '1.5')).toBe(0);
    expect(compareDecimals('-0', '0.000')).toBe(0);
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('-1.25', '1.25')).toBe('0');
    expect(addDecimals('99999999999999999999999999999999999999999999999999999999999999999999999999999', '1')).toBe(
      '100000000000000000000000000000000000000000000000000000000000000000000000000000',
    );
  });

  it('formats canonically', () => {
    expect(formatScaled(-1500n, 3)).toBe('-1.5');
    expect(formatScaled(5n, 4)).toBe('0.0005');
    expect(formatScaled(0n, 7)).toBe('0');
    expect(parseDecimal('+007.10')).toEqual({ units: 710n, scale: 2 });
  });

  it('refuses what is not a plain decimal, naming it', () => {
    expect(() => addDecimals('1e5', '1')).toThrow(/decimal: "1e5" is not a decimal string/);
    expect(() => compareDecimals('1', 'abc')).toThrow(/"abc"/);
  });
});
