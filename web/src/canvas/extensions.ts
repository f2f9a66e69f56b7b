/**
 * Cytoscape extensions, registered once per page (Cytoscape refuses a second registration). The layout
 * extensions work headless (the unit tests lay out in Node); the menu and the minimap need a DOM, so the
 * canvas registers them only when it creates a real, drawn `cy`.
 */

import cytoscape from 'cytoscape';
import cxtmenu from 'cytoscape-cxtmenu';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import navigator from 'cytoscape-navigator';

let layouts = false;
let interaction = false;

export function useLayoutExtensions(): void {
  if (layouts) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  layouts = true;
}

export function useInteractionExtensions(): void {
  if (interaction) return;
  cytoscape.use(cxtmenu);
  cytoscape.use(navigator);
  interaction = true;
}
