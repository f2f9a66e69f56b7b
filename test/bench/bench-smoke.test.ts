/**
 * The benchmark harness works end to end at the smallest scale: generate, load, pick seeds, time the store
 * beside the direct replay, print the table. Few runs: this proves the harness, it measures nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatScale } from './report.js';
import { runScale } from './run-scale.js';

describe('pnpm bench harness', () => {
  it('runs one small scale and prints a table with every operation beside the engine', async () => {
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
  }, 120_000);
});
