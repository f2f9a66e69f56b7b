/**
 * The minimap (cytoscape-navigator), only on large scenes: on a small one the whole graph fits on
 * screen and the minimap would only redraw for nothing. Shown above `showAt` nodes, dropped below it.
 */

import type { Core } from 'cytoscape';

export interface NavigatorHandle {
  /** Call after the scene changed size. */
  update(): void;
  destroy(): void;
}

export function attachNavigator(cy: Core, containerId: string | undefined, showAt = 150): NavigatorHandle {
  let nav: { destroy(): void } | null = null;
  const panel = containerId ? document.getElementById(containerId) : null;
  const destroy = () => {
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
          rerenderDelay: 300,
        });
      } else if (!large && nav) destroy();
    },
    destroy,
  };
}
