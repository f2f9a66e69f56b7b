import { describe, expect, it } from 'vitest';
import { DateTimeScalar, DecimalScalar } from './scalars.js';

describe('Decimal', () => {
  it('passes exact decimal strings through unchanged, 78 digits included', () => {
    const big = '9'.repeat(60) + '.' + '1'.repeat(18);
    for (const value of ['0', '-12.50', '7480.3', big]) {
      expect(DecimalScalar.serialize(value)).toBe(value);
      expect(DecimalScalar.parseValue(value)).toBe(value);
    }
  });

  it.each(['1,5', '1e3', '', ' 1', '.5', 'NaN'])('refuses %j, naming the scalar and the value', (value) => {
    expect(() => DecimalScalar.parseValue(value)).toThrow(`Decimal: ${JSON.stringify(value)} is not an exact decimal`);
  });

  it('refuses a number: a float has already lost digits', () => {
    expect(() => DecimalScalar.parseValue(0.1)).toThrow('Decimal: 0.1 is not an exact decimal');
  });
});

describe('DateTime', () => {
  it('passes ISO 8601 UTC instants through', () => {
    expect(DateTimeScalar.parseValue('2024-05-01T10:11:12.000Z')).toBe('2024-05-01T10:11:12.000Z');
  });

  it.each(['2024-05-01', '2024-05-01T10:11:12Z', '2024-05-01T10:11:12.000+03:00', '2024-13-45T10:11:12.000Z'])(
    'refuses %j',
    (value) => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow(`DateTime: ${JSON.stringify(value)} is not`);
    },
  );
});
