/**
 * The minimap (cytoscape-navigator), only on large scenes: on a small one the whole graph fits on
 * screen and the minimap would only redraw for nothing. Shown above `showAt` nodes, dropped below it.
 *
 * The extension redraws its thumbnail (`cy.png` of the whole graph, ~0.5 s at 10k elements) after every
 * drawn frame, panning included, which held a 10k scene at 2 fps. Its render listener is taken off and
 * the thumbnail redrawn only when elements are added, removed or moved, debounced and never while the
 * viewport moves (redraw-scheduler.ts). The view rectangle still follows pan and zoom (cheap DOM).
 */

import type { Core } from 'cytoscape';
import { scheduleRedraws } from './redraw-scheduler';

export interface NavigatorHandle {
  /** Call after the scene changed size. */
  update(): void;
  destroy(): void;
}

/** The extension's internals used here: its throttled thumbnail redraw, registered with `cy.onRender`. */
interface NavigatorInternals {
  destroy(): void;
  _onRenderHandler?: () => void;
}

const GRAPH_EVENTS = 'add remove position';

export function attachNavigator(cy: Core, containerId: string | undefined, showAt = 150): NavigatorHandle {
  let nav: NavigatorInternals | null = null;
  const panel = containerId ? document.getElementById(containerId) : null;
  const redraws = scheduleRedraws(() => nav?._onRenderHandler?.(), 300);
  const changed = () => redraws.changed();
  const moved = () => redraws.moved();
  const destroy = () => {
    redraws.cancel();
    cy.off(GRAPH_EVENTS, changed);
    cy.off('viewport', moved);
    nav?.destroy();
    nav = null;
    panel?.classList.remove('shown');
  };
  return {
    update() {
      if (!panel) return;
      const large = cy.nodes().length >= showAt;
      if (large && !nav) {
        panel.classList.add('shown');
        nav = cy.navigator({
          container: `#${containerId}`,
          removeCustomContainer: false,
          viewLiveFramerate: 0,
          rerenderDelay: 0,
        }) as NavigatorInternals;
        if (nav._onRenderHandler) cy.off('render', nav._onRenderHandler); // cy.onRender is on('render')
        cy.on(GRAPH_EVENTS, changed);
        cy.on('viewport', moved);
        redraws.changed();
      } else if (!large && nav) destroy();
      else if (nav) redraws.changed();
    },
    destroy,
  };
}
