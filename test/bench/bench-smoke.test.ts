/**
 * The benchmark harness works end to end at the smallest scale: generate, load, pick seeds, time the store
 * beside the direct replay, print the table. Few runs: this proves the harness, it measures nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatScale } from './report.js';
import { runScale } from './run-scale.js';

describe('pnpm bench harness', () => {
  it('runs one small scale and prints tables with every operation beside the engine, and the API beside the store', async () => {
    const result = await runScale({
      scale: 10_000,
      seed: 7,
      warmup: 1,
      runs: 2,
      poolMb: 256,
      readConnections: 2,
      typical: 2,
      hubs: 1,
      pathEnds: 1,
      keep: false,
    });
    const table = formatScale(result);
    console.log(table);

    expect(result.load.completed, result.load.error).toBe(true);
    expect(result.load.rows).toBe(result.generated.entities + result.generated.links);
    const ops = result.queries!.operations;
    expect(ops.map((o) => o.name)).toEqual([
      'expand 1-hop typical',
      'expand 1-hop hub',
      'expand 2-hop typical',
      'expand 2-hop hub',
      'expand 3-hop typical',
      'expand 3-hop hub',
      'paths victim -> group',
      'paths centre -> group',
    ]);
    for (const op of ops) {
      expect(op.samples.store.length, op.name).toBe(op.cases.length * 2);
      expect(op.samples.direct.length, op.name).toBe(op.cases.length * 2);
      expect(op.ratio.p50, op.name).toBeGreaterThan(0);
      expect(Number.isFinite(op.ratio.p95), op.name).toBe(true);
      for (const c of op.cases) {
        expect(c.statements, c.label).toBeGreaterThan(0);
        expect(c.foreign, c.label).toEqual([]);
      }
      expect(table).toMatch(new RegExp(`^${op.name} .*(PASS|MISS)`, 'm'));
    }
    expect(ops.find((o) => o.name === 'paths centre -> group')!.cases[0]!.answer).toMatch(/^[1-9]\d* paths/);

    const api = result.api!.operations;
    expect(api.map((o) => o.name)).toEqual([
      'neighbourhood 2-hop typical',
      'neighbourhood 2-hop hub',
      'paths centre -> group',
      'paths victim -> group',
    ]);
    for (const op of api) {
      expect(op.samples.api.length, op.name).toBe(op.cases.length * 2);
      expect(op.samples.store.length, op.name).toBe(op.cases.length * 2);
      expect(Number.isFinite(op.ratio.p50) && op.ratio.p50 > 0, op.name).toBe(true);
      expect(table).toMatch(new RegExp(`^${op.name} .*(PASS|MISS)`, 'm'));
    }
    // The API answered with the work the store did: a hub's neighbourhood is cut, the ring reaches the group.
    expect(api[1]!.cases[0]!.answer).toMatch(/^101 entities, \d+ links, \d+ more \(limit\)/);
    expect(api[2]!.cases[0]!.answer).toMatch(/^[1-9]\d* paths of [1-9]/);
  }, 120_000);
});
