/**
 * Applies a scene patch (`diffElements(previous, next)`) to `cy` inside one `cy.batch`, so Cytoscape
 * restyles and redraws once however many elements change. Pure with respect to everything but `cy`:
 * it runs headless in Node for the unit tests.
 */

import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { ElementData, ElementPatch, Position } from '../scene/types';

export interface PatchResult {
  /** Nodes added without a position: the canvas lays these out around what is already there. */
  readonly unplaced: readonly string[];
  /** Edges whose ends are not on the canvas (a patch out of step with cy); left out instead of throwing. */
  readonly skipped: readonly string[];
}

/** Fields Cytoscape owns: an edge's ends can only change through `move`, never through `data`. */
const FIXED = new Set(['id', 'source', 'target', 'parent']);

function definition(element: ElementData): ElementDefinition {
  return {
    group: element.group,
    data: { ...element.data },
    classes: element.classes,
    ...(element.position && { position: { ...element.position } }),
  };
}

function replace(cy: Core, element: ElementData): void {
  const ele = cy.getElementById(element.data.id);
  const stale = Object.keys(ele.data() as Record<string, unknown>).filter(
    (key) => !FIXED.has(key) && !(key in element.data),
  );
  if (stale.length > 0) ele.removeData(stale.join(' '));
  const fresh: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element.data)) if (!FIXED.has(key)) fresh[key] = value;
  ele.data(fresh);
  ele.classes(element.classes);
  if (ele.isNode()) {
    if (element.position) place(ele, element.position);
    pinIfPinned(ele);
  }
}

/** A pinned node is locked: layouts and dragging leave it where the investigator put it. */
function pinIfPinned(node: NodeSingular): void {
  if (node.hasClass('pinned')) node.lock();
  else node.unlock();
}

/** The scene may move even a pinned node (undo, restore): unlock for that one move. */
function place(node: NodeSingular, position: Position): void {
  const locked = node.locked();
  if (locked) node.unlock();
  node.position({ ...position });
  if (locked) node.lock();
}

export function applyPatch(cy: Core, patch: ElementPatch): PatchResult {
  const unplaced: string[] = [];
  const skipped: string[] = [];
  cy.batch(() => {
    for (const id of patch.remove) {
      const ele = cy.getElementById(id);
      if (ele.nonempty()) ele.remove();
    }
    // Nodes before edges: an edge needs both of its ends.
    const adds = [...patch.add].sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
    const fresh: ElementDefinition[] = [];
    const pending = new Set<string>();
    for (const element of adds) {
      const { id } = element.data;
      if (cy.getElementById(id).nonempty()) {
        replace(cy, element); // already drawn (a patch applied twice): keep one element, take the new value
        continue;
      }
      if (element.group === 'edges') {
        const ends = [element.data['source'], element.data['target']].map(String);
        if (!ends.every((end) => pending.has(end) || cy.getElementById(end).nonempty())) {
          skipped.push(id);
          continue;
        }
      } else {
        pending.add(id);
        if (!element.position) unplaced.push(id);
      }
      fresh.push(definition(element));
    }
    if (fresh.length > 0) cy.add(fresh).nodes('.pinned').lock();
    for (const element of patch.update) {
      if (cy.getElementById(element.data.id).nonempty()) replace(cy, element);
    }
    for (const { id, position } of patch.move) {
      const ele = cy.getElementById(id);
      if (ele.nonempty() && ele.isNode()) place(ele, position);
    }
  });
  return { unplaced, skipped };
}
