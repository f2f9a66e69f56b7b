import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals } from './decimal';

describe('decimal', () => {
  it('adds exactly, beyond a float', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('1.50', '-1.5')).toBe('0');
    expect(addDecimals('9'.repeat(40), '0.000000000000000001')).toBe(`${'9'.repeat(40)}.000000000000000001`);
    expect(addDecimals('1e3', '1')).toBeNull();
  });

  it('compares exactly', () => {
    expect(compareDecimals('1.50', '1.5')).toBe(0);
    expect(compareDecimals('2', '10')).toBe(-1);
    expect(compareDecimals('x', '1')).toBe(-1);
  });
});
