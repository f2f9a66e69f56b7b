/**
 * The benchmark harness works end to end at the smallest scale: generate, load, pick seeds, time the store
 * beside the direct replay, print the table; and the canvas section on tiny scenes in chromium. Few
 * runs: this proves the harness, it measures nothing.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM, haveChromium } from './canvas/browser.js';
import { EXPERIMENTS } from './canvas/measure-fps.js';
import { formatCanvas } from './canvas/report.js';
import { runCanvas } from './canvas/run-canvas.js';
import { formatScale } from './report.js';
import { runScale } from './run-scale.js';

const inCI = process.env['CI'] === 'true' || process.env['CI'] === '1';
const canvasRuns = haveChromium() || inCI;
if (!canvasRuns)
  console.warn(
    `bench canvas smoke skipped: ${CHROMIUM} is missing (apt-get install -y chromium). With CI=true it fails instead.`,
  );

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

describe.skipIf(!canvasRuns)('pnpm bench canvas section', () => {
  it('opens scenes through the app in chromium, times pan and zoom, +25 nodes and the experiments, prints verdicts', async () => {
    const result = await runCanvas({
      scale: 3000,
      seed: 7,
      elements: [150, 900],
      add: 25,
      runs: 1,
      phaseMs: 300,
      settleMs: 100,
      experiments: true,
    });
    const text = formatCanvas(result);
    console.log(text);

    expect(result.renderer.features.join('; ')).toMatch(/Canvas: /);
    expect(result.empty.all.frames).toBeGreaterThan(3);
    for (const scene of result.scenes) {
      // The canvas drew what the saved view holds: every entity, and one edge per type and pair.
      expect(scene.nodes + scene.edges, `${scene.wanted}`).toBeGreaterThanOrEqual(scene.wanted);
      expect({ nodes: scene.nodes, edges: scene.edges }).toEqual({
        nodes: scene.expected.nodes,
        edges: scene.expected.edges,
      });
      expect(scene.fps.pan.frames, `${scene.wanted}`).toBeGreaterThan(3);
      expect(scene.fps.zoom.frames, `${scene.wanted}`).toBeGreaterThan(3);
      expect(scene.fps.moved, `${scene.wanted}: the viewport moved`).toBeGreaterThan(0);
      expect(text).toMatch(new RegExp(`^${scene.wanted} scene +${scene.nodes + scene.edges} `, 'm'));
    }
    // The app draws labels and arrows while the viewport moves, on every scene (web/src/canvas/warm-layers.ts).
    expect(result.scenes.map((sc) => sc.fps.hidden)).toEqual([false, false]);

    for (const e of [result.expand.scene, result.expand.hubAlone]) {
      expect(e.runs).toHaveLength(1);
      expect(e.median.added).toBe(25);
      expect(e.median.apiMs).toBeGreaterThan(0);
      expect(e.median.drawnAtMs).toBeLessThan(e.median.ms);
    }
    expect(text).toMatch(/^\+25 nodes on the 150 scene .*target <1s: (PASS|MISS)/m);

    const experiments = result.experiments!.results;
    expect(experiments.map((e) => e.name)).toEqual(EXPERIMENTS.map((e) => e.name));
    for (const e of experiments) expect(e.all.frames, e.name).toBeGreaterThan(3);
    // The experiments reach cy: the first keeps the bitmap off as the app does, textureOnViewport and the last
    // (restyling without the rest-timer thrash) hide labels and arrows again.
    expect(experiments.map((e) => e.hidden)).toEqual([false, false, true, false, false, true]);
    expect(text).toContain('the app as it ships');
  }, 180_000);
});
