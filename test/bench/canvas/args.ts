/** The canvas section's flags of `pnpm bench` (declared here, parsed with the others in ../args.ts). */

/** Entries for node:util parseArgs. */
export const CANVAS_OPTIONS = {
  'canvas-scale': { type: 'string' },
  'canvas-elements': { type: 'string' },
  'canvas-add': { type: 'string' },
  'canvas-runs': { type: 'string' },
  'canvas-phase-ms': { type: 'string' },
} as const;

export const CANVAS_USAGE = `
  canvas (issue 4, item 8: headless /usr/bin/chromium against the built app on a generated case):
  --only canvas          run only the canvas section (with other names: those operations, no canvas)
  --canvas-scale N       relationships of the case the scenes come from (default 3e4)
  --canvas-elements A,B  scene sizes, elements drawn (default 2000,10000; +N nodes on the first)
  --canvas-add N         nodes one expansion adds: 10, 25, 50, 100, 200 or 500 (default 200)
  --canvas-runs N        timed expansions, on the scene and on the hub alone (default 3)
  --canvas-phase-ms N    panning time, then as long zooming, per measurement (default 2000)`;

/** The toolbar's expansion caps (web/src/app/operations.ts EXPAND_CAPS). */
const CAPS = [10, 25, 50, 100, 200, 500];

export interface CanvasArgs {
  readonly scale: number;
  readonly elements: number[];
  readonly add: number;
  readonly runs: number;
  readonly phaseMs: number;
}

function whole(name: string, raw: string, min: number): number {
  const v = Number(raw.trim());
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} takes whole numbers >= ${min}, got ${raw}`);
  return v;
}

export function canvasArgs(values: Partial<Record<keyof typeof CANVAS_OPTIONS, string>>): CanvasArgs {
  const add = whole('canvas-add', values['canvas-add'] ?? '200', 1);
  if (!CAPS.includes(add)) throw new Error(`--canvas-add must be one of the toolbar's caps ${CAPS.join(', ')}`);
  return {
    scale: whole('canvas-scale', values['canvas-scale'] ?? '3e4', 1000),
    elements: (values['canvas-elements'] ?? '2000,10000').split(',').map((e) => whole('canvas-elements', e, 10)),
    add,
    runs: whole('canvas-runs', values['canvas-runs'] ?? '3', 1),
    phaseMs: whole('canvas-phase-ms', values['canvas-phase-ms'] ?? '2000', 100),
  };
}

/** `--only canvas` asks for the canvas section; `--only` without it leaves the canvas out. */
export const wantsCanvas = (only: readonly string[] | undefined) => !only || only.includes('canvas');
/** The importer's benchmark (issue 6) runs with no `--only`, or when it names `import`. */
export const wantsImport = (only: readonly string[] | undefined) => !only || only.includes('import');
/** The store and API scales run unless `--only` names nothing but the canvas, the importer and the load. */
export const wantsScales = (only: readonly string[] | undefined) =>
  !only || only.some((o) => o !== 'canvas' && o !== 'import' && o !== 'load');
