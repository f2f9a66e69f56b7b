/** The printed canvas section of `pnpm bench`: renderer, scenes, +N nodes, experiments, verdicts. */
import type { Verdict } from '../targets.js';
import type { FpsResult } from './measure-fps.js';
import type { ExpandResult } from './measure-expand.js';
import type { CanvasResult } from './run-canvas.js';
import { addVerdict, fpsVerdict, MIN_FPS } from './targets.js';

const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const fps = (v: number) => v.toFixed(1);
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '-');
const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const verdict = (v: Verdict | undefined) => (v ? (v.pass ? 'PASS' : `MISS ${v.actual}`) : '-');

function fpsCells(f: FpsResult, empty: FpsResult): string[] {
  const worst = Math.min(f.pan.fps, f.zoom.fps);
  return [
    fps(f.pan.fps),
    fps(f.zoom.fps),
    f.all.p95.toFixed(0),
    f.all.max.toFixed(0),
    x(worst / Math.min(empty.pan.fps, empty.zoom.fps)),
  ];
}

function expandLine(name: string, e: ExpandResult): string {
  const m = e.median;
  const parts = [
    `median ${s(m.ms)}`,
    m.apiMs !== null && `API ${m.apiMs.toFixed(0)} ms`,
    m.drawnAtMs !== null &&
      `in Cytoscape at ${m.drawnAtMs.toFixed(0)} ms, layout, fit and drawing ${s(m.ms - m.drawnAtMs)}`,
    `+${m.added} entities`,
    `runs ${e.runs.map((r) => s(r.ms)).join(', ')}`,
  ];
  return `${name}: ${parts.filter(Boolean).join('; ')}`;
}

export function canvasVerdicts(r: CanvasResult): Verdict[] {
  return [
    ...r.scenes.flatMap((sc) => fpsVerdict(sc.nodes + sc.edges, sc.fps.pan.fps, sc.fps.zoom.fps) ?? []),
    addVerdict(r.expand.scene.median.ms),
  ];
}

export function formatCanvas(r: CanvasResult): string {
  const out: string[] = [];
  out.push(
    `== canvas: ${r.case.entities} entities, ${r.case.links} relationships (scale ${r.case.scale.toExponential(0)}, seed ${r.case.seed}); ` +
      `generated ${s(r.ms.generate)}, loaded ${s(r.ms.load)}, web built ${s(r.ms.build)}`,
  );
  out.push(
    `browser: chromium ${r.renderer.browser} headless, 1400x900, device pixel ratio ${r.renderer.devicePixelRatio}; ` +
      `no GPU: ${r.renderer.features.join('; ')}; WebGL ${r.renderer.webgl}`,
  );
  out.push(
    `machine: ${r.env.cpus} cpus, load average ${r.env.loadavg.map((l) => l.toFixed(1)).join(' ')} at the end (server, bench and browser share them)`,
  );
  out.push(
    `pan: ${s(r.options.phaseMs)} dragging the background round a circle, zoom: ${s(r.options.phaseMs)} of wheel in and out, ` +
      'one event per frame; fps = frames drawn / time (requestAnimationFrame)',
  );
  const rows = [
    ['empty canvas (baseline)', '0', '0', '0', '-', ...fpsCells(r.empty, r.empty), '-', '-', '-'],
    ...r.scenes.map((sc) => {
      const v = fpsVerdict(sc.nodes + sc.edges, sc.fps.pan.fps, sc.fps.zoom.fps);
      return [
        `${label(sc.wanted)} scene`,
        String(sc.nodes + sc.edges),
        String(sc.nodes),
        String(sc.edges),
        s(sc.openMs),
        ...fpsCells(sc.fps, r.empty),
        sc.fps.hidden ? 'yes' : 'no',
        v?.target ?? '-',
        verdict(v),
      ];
    }),
  ];
  out.push(
    table(
      [
        'scene',
        'elements',
        'nodes',
        'edges',
        'open',
        'pan fps',
        'zoom fps',
        'p95 ms',
        'max ms',
        'vs empty',
        'hidden',
        'target',
        'result',
      ],
      rows,
    ),
  );
  out.push(
    '(open: the saved view chosen to the scene fetched, drawn and laid out with fcose; p95/max: frame intervals; ' +
      'vs empty: the slower gesture against the empty canvas; hidden: labels and arrows not drawn while moving, the gesture moving a bitmap of the last frame or hiding them)',
  );
  const add = addVerdict(r.expand.scene.median.ms);
  out.push(
    `+${r.options.add} nodes on the ${label(r.expand.on)} scene (hub ${r.hub.id}, ${r.hub.neighbours} neighbours, expanded with the cap at ${r.options.add}), target ${add.target}: ${verdict(add)}`,
  );
  out.push(`  ${expandLine('on the scene', r.expand.scene)}`);
  out.push(`  ${expandLine('on the hub alone (baseline)', r.expand.hubAlone)}`);
  out.push(`  the scene against the hub alone: ${x(r.expand.scene.median.ms / r.expand.hubAlone.median.ms)}`);
  if (r.experiments) {
    const app = r.scenes.find((sc) => sc.wanted === r.experiments!.on)!;
    out.push(
      `experiments on the ${label(r.experiments.on)} scene (Cytoscape's performance guide; bench-only changes through cy, not what the app does; motion blur already off, pixel ratio already 1):`,
    );
    out.push(
      table(
        ['change', 'pan fps', 'zoom fps', 'p95 ms', 'max ms', 'vs empty', 'hidden', 'vs app', 'vs target'],
        [{ name: 'the app as it ships', ...app.fps }, ...r.experiments.results].map((e) => {
          const worst = Math.min(e.pan.fps, e.zoom.fps);
          const appWorst = Math.min(app.fps.pan.fps, app.fps.zoom.fps);
          return [e.name, ...fpsCells(e, r.empty), e.hidden ? 'yes' : 'no', x(worst / appWorst), x(worst / MIN_FPS)];
        }),
      ),
    );
  }
  return out.join('\n');
}
