/**
 * Frames per second while the investigator pans and zooms (page-motion.ts), on the app as it ships, and
 * the experiments of Cytoscape's performance guide on the same page. The experiments reach `cy` through
 * Cytoscape's own registration on its container (`container._cyreg.cy`, an internal the app does not
 * use): they change the page for measuring only, and say what the app would gain by each change.
 */
import type { Page } from 'playwright-core';
import { CANVAS, settle } from './app-page.js';
import { panAndZoom, type MotionResult } from './page-motion.js';

export interface FpsOptions {
  /** Drag-panning time, then as long wheel-zooming. */
  readonly phaseMs: number;
  /** Quiet time before the gestures start (the canvas's full-quality redraw after the last change). */
  readonly settleMs: number;
}

export interface FpsResult extends MotionResult {
  /**
   * Labels and arrows were not drawn while moving: Cytoscape's `textureOnViewport` was on (the gesture
   * moves a bitmap of the last frame; an experiment, the app keeps it off), or a `viewport-moving` class
   * was on right after the last frame (the restyling experiment).
   */
  readonly hidden: boolean;
}

export async function measureFps(page: Page, o: FpsOptions): Promise<FpsResult> {
  await settle(page, o.settleMs);
  const motion = await page.evaluate(panAndZoom, { phaseMs: o.phaseMs, selector: CANVAS });
  const texture = await page.evaluate(
    `(() => {
      const container = document.querySelector(${JSON.stringify(CANVAS)});
      const cy = container && container._cyreg && container._cyreg.cy;
      return Boolean(cy && cy.renderer().textureOnViewport);
    })()`,
  );
  return { ...motion, hidden: texture === true || motion.classesAtEnd.includes('viewport-moving') };
}

export interface Experiment {
  readonly name: string;
  /** Runs in the page with `cy` and its renderer `r` in scope; cumulative unless `undo` takes it back. */
  readonly apply: string;
  readonly undo?: string;
}

/** Labels and arrows hidden while moving, put back only after two frames without a viewport event. */
const QUIET_HIDING = `
  const state = { moving: false, last: 0, seen: false, quiet: 0 };
  const loop = () => {
    if (!state.moving) return;
    state.quiet = state.seen ? 0 : state.quiet + 1;
    state.seen = false;
    if (state.quiet >= 2 && performance.now() - state.last >= 180) {
      state.moving = false;
      cy.batch(() => cy.elements().removeClass('viewport-moving'));
    } else requestAnimationFrame(loop);
  };
  window.__benchQuiet = () => {
    state.last = performance.now();
    state.seen = true;
    if (state.moving) return;
    state.moving = true;
    cy.batch(() => cy.elements().addClass('viewport-moving'));
    requestAnimationFrame(loop);
  };
  cy.on('viewport', window.__benchQuiet);`;

/**
 * In order: the first two stay applied (the base of the rest); each later one is undone after its run.
 * motionBlur is already off and the pixel ratio already 1 (Cytoscape's defaults, device pixel ratio 1).
 */
export const EXPERIMENTS: readonly Experiment[] = [
  { name: 'no bitmap while moving (as the app: textureOnViewport off)', apply: 'r.textureOnViewport = false' },
  { name: '+ minimap thumbnail not redrawn per frame', apply: "cy.off('render')" },
  {
    name: '+ textureOnViewport',
    apply: 'r.textureOnViewport = true',
    undo: 'r.textureOnViewport = false',
  },
  {
    name: '+ hideEdgesOnViewport',
    apply: 'r.hideEdgesOnViewport = true',
    undo: 'r.hideEdgesOnViewport = false',
  },
  {
    name: '+ haystack edges',
    apply: "cy.style().selector('edge').style('curve-style', 'haystack').update()",
    undo: "cy.style().selector('edge').style('curve-style', 'bezier').update()",
  },
  {
    name: '+ hiding again, without the rest-timer thrash',
    apply: QUIET_HIDING,
    undo: "cy.off('viewport', window.__benchQuiet); cy.batch(() => cy.elements().removeClass('viewport-moving'))",
  },
];

export async function inPage(page: Page, code: string): Promise<void> {
  await page.evaluate(
    `(() => {
      const container = document.querySelector(${JSON.stringify(CANVAS)});
      const cy = container && container._cyreg && container._cyreg.cy;
      if (!cy) throw new Error('Cytoscape is not registered on the canvas container');
      const r = cy.renderer();
      ${code};
    })()`,
  );
}

export interface ExperimentResult extends FpsResult {
  readonly name: string;
}

/** Each experiment on the page as it is (after the app's own run): reset the view, settle, pan and zoom. */
export async function runExperiments(page: Page, o: FpsOptions): Promise<ExperimentResult[]> {
  const out: ExperimentResult[] = [];
  for (const experiment of EXPERIMENTS) {
    await inPage(page, experiment.apply);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    out.push({ name: experiment.name, ...(await measureFps(page, o)) });
    if (experiment.undo) await inPage(page, experiment.undo);
  }
  return out;
}
