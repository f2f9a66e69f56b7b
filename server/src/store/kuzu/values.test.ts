import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindValue, comparable, parseSource, readValue } from './values.js';

describe('values between the port and Kuzu', () => {
  it('binds every type as text, and refuses the wrong type naming the property', () => {
    expect(bindValue('p', 'int', 5)).toBe('5');
    expect(bindValue('p', 'int', '-9223372036854775808')).toBe('-9223372036854775808');
    expect(() => bindValue('Victim.x', 'int', '9223372036854775808')).toThrow(/Victim.x/);
    expect(() => bindValue('p', 'int', 1.5)).toThrow(/whole number/);
    expect(bindValue('p', 'float', 1.5)).toBe('1.5');
    expect(bindValue('p', 'boolean', false)).toBe('false');
    expect(bindValue('p', 'decimal', '0.10')).toBe('0.10');
    expect(() => bindValue('p', 'decimal', '1e5')).toThrow(/decimal/);
    expect(bindValue('p', 'date', '2024-02-29')).toBe('2024-02-29');
    expect(() => bindValue('p', 'date', '2024-13-01')).toThrow(/date/);
    expect(bindValue('p', 'datetime', '2024-05-01T12:00:00+02:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(() => bindValue('p', 'datetime', '2024-05-01 12:00')).toThrow(/ISO 8601/);
    expect(bindValue('p', 'string[]', [])).toBeNull();
    expect(bindValue('p', 'string', null)).toBeNull();
  });

  it('reads what Kuzu returns as port values', () => {
    expect(readValue('int', '9007199254740993')).toBe('9007199254740993');
    expect(readValue('int', '42')).toBe(42);
    expect(readValue('date', new Date('2024-05-01T00:00:00Z'))).toBe('2024-05-01');
    expect(readValue('date', '2024-05-01 00:00:00')).toBe('2024-05-01');
    expect(readValue('datetime', '2024-05-01 10:11:12.345678')).toBe('2024-05-01T10:11:12.345Z');
    expect(readValue('datetime', '2024-05-01 10:11:12')).toBe('2024-05-01T10:11:12.000Z');
    expect(readValue('boolean', 'True')).toBe(true);
    expect(readValue('string', null)).toBeNull();
  });

  it('round-trips any 64-bit integer and any ms datetime', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
        const bound = bindValue('p', 'int', v.toString());
        expect(String(readValue('int', bound))).toBe(v.toString());
      }),
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        expect(comparable(readValue('datetime', new Date(bindValue('p', 'datetime', iso) as string)))).toBe(iso);
      }),
    );
  });

  it('parses sources at the first #', () => {
    expect(parseSource('ab#line:1')).toEqual({ sha256: 'ab', locator: 'line:1' });
  });
});
