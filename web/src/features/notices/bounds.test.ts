import { describe, expect, it } from 'vitest';
import { describeBounds } from './bounds';

describe('describeBounds', () => {
  it('names the cap and how many were left out, per bound', () => {
    expect(
      describeBounds('Expansion', [
        { bound: 'limit', value: 100, omitted: 37 },
        { bound: 'linkLimit', value: 2000, omitted: 1234 },
      ]),
    ).toEqual(['Expansion capped at 100 entities: 37 more', 'Expansion capped at 2000 links: 1,234 more']);
  });

  it('says nothing when nothing was left out, and takes the thing counted when given', () => {
    expect(describeBounds('Expansion', [])).toEqual([]);
    expect(describeBounds('Paths', [{ bound: 'limit', value: 10, omitted: 4 }], 'paths')).toEqual([
      'Paths capped at 10 paths: 4 more',
    ]);
  });
});
