/**
 * Large scenes and the first gesture. Cytoscape draws a scene of many elements from its layered texture
 * cache: bitmaps of the elements at the zoom's level, built in idle frames. It builds no layers while
 * elements keep changing (for 250 ms after each change), and a still scene draws no more frames; so after
 * a saved view opened, the layers were built only during the investigator's first gesture, which drew
 * 10k elements one by one meanwhile (3.8 fps on the first pan, 55 on the next). Once the scene has been
 * still for `settleMs`, one more frame is drawn (`cy.forceRender`): that frame queues the layers, and
 * Cytoscape builds them in idle frames in about a second (10k elements: first pan 51 to 54 fps).
 *
 * `textureOnViewport` (a bitmap of the last frame moved during a gesture, the performance guide's advice)
 * stays off: it draws that bitmap at another zoom level, whose layers every first gesture then had to
 * build (19 to 44 fps on the first pan with it, warmed or not). Labels and arrows are in the layers, so
 * drawing them while moving costs nothing more. Nothing here restyles elements: a class put on every
 * element per gesture threw the caches away (2 fps at 10k).
 */

import type { Core } from 'cytoscape';
import { scheduleRedraws } from './redraw-scheduler';

export interface WarmLayersOptions {
  /** Elements from which a still scene gets its warming frame. */
  readonly threshold?: number;
  /** Stillness before the frame: past Cytoscape's 250 ms of skipping layers after a change. */
  readonly settleMs?: number;
}

export interface WarmLayers {
  /** Frames drawn to warm the layers so far (for tests). */
  readonly warmed: number;
  stop(): void;
}

/** What changes the layers: elements added, removed, moved or restyled. */
const CHANGES = 'add remove position style';

export function warmLayersWhenStill(cy: Core, options: WarmLayersOptions = {}): WarmLayers {
  const threshold = options.threshold ?? 800;
  // The minimap's debounce: once changes stop, and not while the viewport moves (a gesture draws anyway).
  const redraws = scheduleRedraws(warm, options.settleMs ?? 400);
  const changed = () => redraws.changed();
  const moved = () => redraws.moved();
  const handle = {
    warmed: 0,
    stop() {
      redraws.cancel();
      cy.off(CHANGES, changed);
      cy.off('viewport', moved);
    },
  };
  function warm() {
    if (cy.destroyed() || cy.elements().length < threshold) return;
    handle.warmed++;
    cy.forceRender();
  }
  cy.on(CHANGES, changed);
  cy.on('viewport', moved);
  return handle;
}
