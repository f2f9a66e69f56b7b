import { describe, expect, it } from 'vitest';
import { formatMinor, formatUnits, usdCents } from './decimal.js';

describe('amounts', () => {
  it('writes minor units as exact canonical decimals', () => {
    expect(formatUnits(123456789n, 8)).toBe('1.23456789');
    expect(formatUnits(100n, 2)).toBe('1');
    expect(formatUnits(5n, 6)).toBe('0.000005');
    expect(formatUnits(-150n, 2)).toBe('-1.5');
    expect(formatMinor(2_500_000, 6)).toBe('2.5');
    expect(formatMinor(0, 2)).toBe('0');
  });

  it('values assets in US cents, rounding down', () => {
    expect(usdCents('BTC', 100_000_000n)).toBe(6_000_000n);
    expect(usdCents('USDT', 1_234n)).toBe(1_234n);
  });
});
