import { describe, expect, it } from 'vitest';
import type { Link } from '../graph.js';
import { rollupLinks } from './rollups.js';

const source = { sha256: 'a'.repeat(64), locator: 'line:2' };
const link = (id: string, type: string, from: string, to: string, properties: Link['properties']): Link => ({
  id,
  type,
  from,
  to,
  properties,
  sources: [source],
});

describe('rollupLinks', () => {
  it('sums payments per asset exactly, with count and first/last time', () => {
    const rollups = rollupLinks([
      link('link:PAID:1', 'PAID', 'victim:v-1', 'wallet:eth:0xa', {
        amount: '0.1',
        asset: 'ETH',
        at: '2025-01-02T00:00:00.000Z',
      }),
      link('link:PAID:2', 'PAID', 'victim:v-1', 'wallet:eth:0xa', {
        amount: '0.2',
        asset: 'eth',
        at: '2025-01-01T00:00:00.000Z',
      }),
      link('link:PAID:3', 'PAID', 'victim:v-1', 'wallet:eth:0xa', {
        amount: '10.005',
        asset: 'USDT',
        at: '2025-01-03T00:00:00.000Z',
      }),
      link('link:PAID:4', 'PAID', 'victim:v-2', 'wallet:eth:0xa', {
        amount: '1',
        asset: 'USDT',
        at: '2025-01-03T00:00:00.000Z',
      }),
    ]);
    expect(rollups).toEqual([
      {
        type: 'PAID',
        from: 'victim:v-1',
        to: 'wallet:eth:0xa',
        count: 3,
        totals: [
          { asset: 'ETH', amount: '0.3' }, // a float sum would give 0.30000000000000004
          { asset: 'USDT', amount: '10.005' },
        ],
        firstAt: '2025-01-01T00:00:00.000Z',
        lastAt: '2025-01-03T00:00:00.000Z',
        linkIds: ['link:PAID:1', 'link:PAID:2', 'link:PAID:3'],
      },
      expect.objectContaining({ from: 'victim:v-2', count: 1, totals: [{ asset: 'USDT', amount: '1' }] }),
    ]);
  });

  it('counts calls without totals, and ignores structural links', () => {
    const rollups = rollupLinks([
      link('link:CALLED:1', 'CALLED', 'phone:+1', 'victim:v-1', { at: '2025-01-02T00:00:00.000Z' }),
      link('link:CALLED:2', 'CALLED', 'phone:+1', 'victim:v-1', { at: '2025-01-05T00:00:00.000Z' }),
      link('link:LIVES_IN:1', 'LIVES_IN', 'victim:v-1', 'country:DE', {}),
    ]);
    expect(rollups).toEqual([
      expect.objectContaining({
        type: 'CALLED',
        count: 2,
        totals: [],
        firstAt: '2025-01-02T00:00:00.000Z',
        lastAt: '2025-01-05T00:00:00.000Z',
      }),
    ]);
  });

  it('keeps 78-digit token amounts exact', () => {
    const big = '1'.repeat(60) + '.000000000000000001';
    const [rollup] = rollupLinks([
      link('link:TRANSFERRED:1', 'TRANSFERRED', 'wallet:eth:0xa', 'wallet:eth:0xb', { amount: big, asset: 'ETH' }),
      link('link:TRANSFERRED:2', 'TRANSFERRED', 'wallet:eth:0xa', 'wallet:eth:0xb', { amount: big, asset: 'ETH' }),
    ]);
    expect(rollup!.totals).toEqual([{ asset: 'ETH', amount: '2'.repeat(60) + '.000000000000000002' }]);
    expect(rollup!.firstAt).toBeNull();
  });
});
