/**
 * Cytoscape's performance guide for large graphs: while the investigator pans or zooms, draw no labels
 * and no arrows, and put them back once the viewport rests. Below `threshold` elements drawing them is
 * cheap enough that the flicker would cost more than it saves.
 */

import type { Core } from 'cytoscape';

export interface ViewportPerformanceOptions {
  /** Elements above which labels and arrows hide while moving. */
  readonly threshold?: number;
  /** Quiet time after the last viewport event before labels come back. */
  readonly restMs?: number;
}

export const MOVING_CLASS = 'viewport-moving';

export function hideDetailWhileMoving(cy: Core, options: ViewportPerformanceOptions = {}): () => void {
  const threshold = options.threshold ?? 800;
  const restMs = options.restMs ?? 180;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let moving = false;

  const rest = () => {
    timer = undefined;
    if (!moving) return;
    moving = false;
    cy.batch(() => cy.elements().removeClass(MOVING_CLASS));
  };

  const onViewport = () => {
    if (!moving && cy.elements().length >= threshold) {
      moving = true;
      cy.batch(() => cy.elements().addClass(MOVING_CLASS));
    }
    if (timer) clearTimeout(timer);
    if (moving) timer = setTimeout(rest, restMs);
  };

  cy.on('viewport', onViewport);
  return () => {
    cy.off('viewport', onViewport);
    if (timer) clearTimeout(timer);
    rest();
  };
}
