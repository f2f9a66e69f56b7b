/**
 * The canvas benchmark (issue 4, item 8), start to end: a generated case served by the real app, scenes
 * of the wanted sizes opened as saved views in headless chromium, frames per second while panning and
 * zooming each (and an empty canvas, the baseline: what the page does with nothing to draw), the time
 * to add and lay out `add` nodes on the first scene (and on the hub alone, the baseline), and the
 * experiments of Cytoscape's performance guide on the largest scene.
 */
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { drawn, openApp, openView } from './app-page.js';
import { launch, newPage, rendererInfo, type RendererInfo } from './browser.js';
import { measureExpand, type ExpandResult } from './measure-expand.js';
import { measureFps, runExperiments, type ExperimentResult, type FpsResult } from './measure-fps.js';
import { buildScene, pickHub, readGraph } from './scenes.js';
import { serveCase } from './serve-case.js';

export interface CanvasOptions {
  /** Relationships of the generated case. */
  readonly scale: number;
  readonly seed: number;
  /** Scene sizes, elements drawn (nodes and rolled-up edges). */
  readonly elements: readonly number[];
  /** Nodes one expansion adds: one of the toolbar's caps. */
  readonly add: number;
  readonly runs: number;
  readonly phaseMs: number;
  readonly settleMs: number;
  readonly experiments: boolean;
  /** Screenshots of each scene go here when given. */
  readonly shots?: string;
  readonly log?: (line: string) => void;
}

export interface SceneResult {
  readonly wanted: number;
  /** What the canvas drew. */
  readonly nodes: number;
  readonly edges: number;
  /** What the scene builder expected it to draw. */
  readonly expected: { readonly nodes: number; readonly edges: number; readonly links: number };
  /** Choosing the file to the scene fetched, drawn and laid out (fcose). */
  readonly openMs: number;
  readonly fps: FpsResult;
}

export interface CanvasResult {
  readonly case: { readonly scale: number; readonly seed: number; readonly entities: number; readonly links: number };
  readonly ms: { readonly generate: number; readonly load: number; readonly build: number };
  readonly renderer: RendererInfo;
  readonly env: { readonly cpus: number; readonly loadavg: readonly number[] };
  readonly options: Omit<CanvasOptions, 'log' | 'shots'>;
  readonly hub: { readonly id: string; readonly neighbours: number };
  readonly empty: FpsResult;
  readonly scenes: readonly SceneResult[];
  readonly expand: { readonly on: number; readonly scene: ExpandResult; readonly hubAlone: ExpandResult };
  readonly experiments?: { readonly on: number; readonly results: readonly ExperimentResult[] };
}

const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

export async function runCanvas(o: CanvasOptions): Promise<CanvasResult> {
  const log = o.log ?? (() => undefined);
  log(`generating and loading ${o.scale} relationships (seed ${o.seed}), building the web app`);
  const server = await serveCase({ scale: o.scale, seed: o.seed });
  let browser: Browser | undefined;
  const pages: Page[] = [];
  try {
    const graph = await readGraph(server.store);
    const { hub, brought } = pickHub(graph, o.add);
    const sizes = [...o.elements].sort((a, b) => a - b);
    const views = sizes.map((size) => ({ size, scene: buildScene(graph, hub, brought, size) }));
    browser = await launch();
    const renderer = await rendererInfo(browser);
    const fpsOptions = { phaseMs: o.phaseMs, settleMs: o.settleMs };
    const page = async (view?: unknown) => {
      const p = await newPage(browser!);
      pages.push(p);
      await openApp(p, `${server.url}/#token=${server.token}`);
      const openMs = view === undefined ? 0 : await openView(p, view, 600_000);
      return { page: p, openMs };
    };

    log('timing an empty canvas (the baseline)');
    const empty = await measureFps((await page()).page, fpsOptions);

    const scenes: SceneResult[] = [];
    let expandScene: ExpandResult | undefined;
    let experiments: ExperimentResult[] | undefined;
    for (const [i, { size, scene }] of views.entries()) {
      log(`opening the ${label(size)} scene (${scene.nodes} nodes, ${scene.edges} edges, ${scene.links} links)`);
      const { page: p, openMs } = await page(scene.view);
      const counts = await drawn(p);
      if (o.shots) {
        await mkdir(o.shots, { recursive: true });
        await p.screenshot({ path: join(o.shots, `canvas-${label(size)}.png`) });
      }
      log(`timing pan and zoom on ${counts.nodes + counts.edges} elements`);
      const fps = await measureFps(p, fpsOptions);
      scenes.push({ wanted: size, ...counts, expected: scene, openMs, fps });
      if (i === 0) {
        log(`timing +${o.add} nodes (${o.runs} runs)`);
        expandScene = await measureExpand(p, { add: o.add, runs: o.runs, settleMs: o.settleMs });
      }
      if (o.experiments && i === views.length - 1) {
        log('timing the performance guide experiments');
        experiments = await runExperiments(p, fpsOptions);
      }
      await p.close();
    }

    log(`timing +${o.add} nodes on the hub alone (the baseline)`);
    const alone = await page({ ...views[0]!.scene.view, nodes: [{ id: hub }], links: [] });
    const hubAlone = await measureExpand(alone.page, { add: o.add, runs: o.runs, settleMs: o.settleMs });

    return {
      case: { scale: o.scale, seed: o.seed, entities: server.entities, links: server.links },
      ms: server.ms,
      renderer,
      env: { cpus: cpus().length, loadavg: loadavg() },
      options: {
        scale: o.scale,
        seed: o.seed,
        elements: o.elements,
        add: o.add,
        runs: o.runs,
        phaseMs: o.phaseMs,
        settleMs: o.settleMs,
        experiments: o.experiments,
      },
      hub: { id: hub, neighbours: graph.neighbours.get(hub)!.length },
      empty,
      scenes,
      expand: { on: sizes[0]!, scene: expandScene!, hubAlone },
      ...(experiments && { experiments: { on: sizes.at(-1)!, results: experiments } }),
    };
  } finally {
    for (const p of pages) await p.close().catch(() => undefined);
    await browser?.close();
    await server.close();
  }
}
