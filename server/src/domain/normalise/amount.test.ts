import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAmount } from './amount.js';

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** A canonical decimal of 1..78 integer digits and 0..78 fraction digits. */
const canonical = fc
  .tuple(fc.boolean(), fc.integer({ min: 1, max: 9 }), digits(0, 77), digits(0, 77), fc.integer({ min: 1, max: 9 }))
  .map(([neg, lead, rest, frac, last]) => {
    const whole = `${lead}${rest}`;
    return `${neg ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}${last}`}`;
  });

const value = (raw: string | number | bigint) => {
  const r = normaliseAmount(raw);
  if (!r.ok) throw new Error(`${String(raw)}: ${r.reason}`);
  return r.value;
};

const group = (whole: string, sep: string) => whole.replace(/\B(?=(\d{3})+$)/g, sep);

describe('normaliseAmount', () => {
  it('round-trips canonical decimals of up to 78 digits exactly', () => {
    fc.assert(
      fc.property(canonical, (c) => {
        expect(value(c)).toBe(c);
      }),
    );
  });

  it('maps padded, signed and grouped spellings to the one canonical value', () => {
    fc.assert(
      fc.property(canonical, digits(0, 3), digits(0, 3), fc.constantFrom(' ', '_', '\u00a0', ''), (c, lz, tz, sep) => {
        const negative = c.startsWith('-');
        const [whole, frac] = c.replace('-', '').split('.') as [string, string?];
        const zeros = `${lz.replace(/./g, '0')}`;
        const spelled = `${negative ? '-' : '+'}${zeros}${group(whole, sep)}.${frac ?? ''}${tz.replace(/./g, '0')}`;
        expect(value(spelled)).toBe(c);
      }),
    );
  });

  it('gives canonical output for any number and reads back to it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const v = value(n);
        expect(v).toMatch(CANONICAL);
        expect(Number(v)).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('reads bigints and exponents exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 90n), max: 10n ** 90n }), (b) => {
        expect(value(b)).toBe(b.toString());
      }),
    );
    expect(value('1.5e3')).toBe('1500');
    expect(value('1e+21')).toBe('1000000000000000000000');
    expect(value(1e21)).toBe('1000000000000000000000');
    expect(value(1e-7)).toBe('0.0000001');
    expect(value('-0.000')).toBe('0');
    expect(value('-0')).toBe('0');
    expect(value('1 234.50')).toBe('1234.5');
    expect(value('1_234.5')).toBe('1234.5');
    expect(value('+.5')).toBe('0.5');
    expect(value('007.')).toBe('7');
  });

  it('refuses, with a reason and never a throw, what is not an amount', () => {
    for (const [raw, reason] of [
      ['', /empty/],
      ['abc', /not a decimal number/],
      ['1,234.50', /ambiguous separator/],
      ['1  234', /between digits/],
      ['_1', /between digits/],
      ['1e999999', /exponent/],
      ['.', /no digits/],
      ['--1', /not a decimal number/],
    ] as const) {
      const r = normaliseAmount(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
    expect(normaliseAmount(Number.NaN)).toMatchObject({ ok: false, reason: 'not a finite number' });
    expect(normaliseAmount(Infinity)).toMatchObject({ ok: false, raw: 'Infinity' });
    fc.assert(fc.property(fc.string(), (s) => void normaliseAmount(s)));
  });
});
