import { describe, expect, it } from 'vitest';
import { emptyScene } from './commands/empty';
import { moneyTrail, showMoneyTrail, trailPositions } from './money-trail';
import { link, subgraph } from './testing';

// victim v pays wallets a and b; a transfers to c, c to d; x paid v (not v's trail); c also CALLED-linked.
const va = link('PAID', 'victim:v', 'wallet:a');
const vb = link('PAID', 'victim:v', 'wallet:b');
const ac = link('TRANSFERRED', 'wallet:a', 'wallet:c');
const cd = link('TRANSFERRED', 'wallet:c', 'wallet:d');
const da = link('TRANSFERRED', 'wallet:d', 'wallet:a');
const xv = link('PAID', 'victim:x', 'victim:v');
const other = link('CONTROLS', 'person:p', 'wallet:c');
const answer = subgraph([va, vb, ac, cd, da, xv, other], [], {
  rollups: [
    {
      type: 'PAID',
      from: 'victim:v',
      to: 'wallet:a',
      count: 1,
      totals: [{ asset: 'ETH', amount: '1' }],
      firstAt: null,
      lastAt: null,
      linkIds: [va.id],
    },
    {
      type: 'PAID',
      from: 'victim:x',
      to: 'victim:v',
      count: 1,
      totals: [],
      firstAt: null,
      lastAt: null,
      linkIds: [xv.id],
    },
  ],
  truncated: [{ bound: 'limit', value: 7, omitted: 2 }],
});

describe('moneyTrail', () => {
  const trail = moneyTrail(answer, 'victim:v');

  it('keeps what the money reaches forward, with the fewest hops from the start', () => {
    expect(trail.hops).toEqual({ 'victim:v': 0, 'wallet:a': 1, 'wallet:b': 1, 'wallet:c': 2, 'wallet:d': 3 });
    expect(trail.entities.map((e) => e.id).sort()).toEqual([
      'victim:v',
      'wallet:a',
      'wallet:b',
      'wallet:c',
      'wallet:d',
    ]);
    // A transfer back to an earlier wallet is still money going on from the trail.
    expect(trail.links.map((l) => l.id)).toEqual([va.id, vb.id, ac.id, cd.id, da.id]);
    expect(trail.rollups?.map((r) => r.from)).toEqual(['victim:v']);
    expect(trail.truncated).toEqual(answer.truncated);
  });

  it('starting from a wallet follows only what left it', () => {
    expect(moneyTrail(answer, 'wallet:c').hops).toEqual({ 'wallet:c': 0, 'wallet:d': 1, 'wallet:a': 2 });
  });

  it('is empty when the start is not in the answer', () => {
    expect(moneyTrail(answer, 'wallet:zz')).toMatchObject({ hops: {}, entities: [], links: [] });
  });

  it('lays columns out by hop, left to right, centred', () => {
    const positions = trailPositions(trail, { x: 100, y: 10 });
    expect(positions['victim:v']).toEqual({ x: 0, y: 0 });
    expect(positions['wallet:a']).toEqual({ x: 100, y: -5 });
    expect(positions['wallet:b']).toEqual({ x: 100, y: 5 });
    expect(positions['wallet:d']).toEqual({ x: 300, y: 0 });
  });

  it('shows the trail as one step: added, highlighted as money, dagre', () => {
    const scene = showMoneyTrail(emptyScene(), trail);
    expect(Object.keys(scene.nodes)).toHaveLength(5);
    expect(scene.highlight).toMatchObject({ kind: 'money', links: [va.id, vb.id, ac.id, cd.id, da.id] });
    expect(scene.layout).toBe('dagre');
  });
});
