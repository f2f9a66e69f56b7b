import { describe, expect, it } from 'vitest';
import { placeOnRings, type Point } from './ring-placement';

const grid = (n: number, step: number): Point[] =>
  Array.from({ length: n }, (_, i) => ({ x: (i % 45) * step, y: Math.floor(i / 45) * step }));

describe('placeOnRings', () => {
  it('puts +200 around a hub inside a dense 2k scene clear of every node and of each other, quickly', () => {
    const placed = grid(2000, 50); // denser than the gap: the ring must find the free space outside
    const hub = placed[1000]!;
    const requests = Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, anchors: [hub], key: 'hub', reach: 120 }));
    const started = performance.now();
    const at = placeOnRings(requests, placed, { x1: 0, y1: 0, x2: 44 * 50, y2: 44 * 50 }, 60);
    expect(performance.now() - started).toBeLessThan(200);
    const fresh = [...at.values()];
    expect(fresh).toHaveLength(200);
    let nearest = Infinity;
    for (const [i, p] of fresh.entries())
      for (const q of [...placed, ...fresh.slice(i + 1)]) nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
    expect(nearest).toBeGreaterThanOrEqual(60);
  });

  it('rings a sparse anchor just outside its neighbours, and stacks the unlinked right of the scene', () => {
    const placed = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ];
    const at = placeOnRings(
      [
        { id: 'a', anchors: [placed[0]!], key: 'p0', reach: 100 },
        { id: 'b', anchors: [placed[0]!], key: 'p0', reach: 100 },
        { id: 'c', anchors: [], key: '', reach: 0 },
        { id: 'd', anchors: [], key: '', reach: 0 },
      ],
      placed,
      { x1: 0, y1: 0, x2: 100, y2: 0 },
      60,
    );
    for (const id of ['a', 'b']) expect(Math.hypot(at.get(id)!.x, at.get(id)!.y)).toBeCloseTo(160);
    expect(at.get('c')!.x).toBeGreaterThan(100);
    expect(at.get('d')!.x).toBeGreaterThan(100);
    expect(at.get('c')).not.toEqual(at.get('d'));
  });
});
