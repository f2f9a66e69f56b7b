/**
 * From one drawing to the next as a patch the canvas applies inside one `cy.batch`: only what changed
 * is touched, so a 10k-element scene redraws a handful of elements after a command.
 */
import { sameValue } from './equal';
import type { ElementData, ElementPatch, Position } from './types';

const samePosition = (a: Position | undefined, b: Position | undefined) => a?.x === b?.x && a?.y === b?.y;

/** Cytoscape cannot change an element's group, nor an edge's ends through `data`: those are removed and added. */
const replaced = (a: ElementData, b: ElementData) =>
  a.group !== b.group || a.data['source'] !== b.data['source'] || a.data['target'] !== b.data['target'];

/**
 * The patch from `prev` to `next`. `add` lists nodes before edges, `remove` edges before nodes. A node
 * `next` places differently (restore, undo, preset) is in `move`; a node `next` leaves unplaced keeps
 * where the canvas put it.
 */
export function diffElements(prev: readonly ElementData[], next: readonly ElementData[]): ElementPatch {
  const before = new Map(prev.map((e) => [e.data.id, e]));
  const after = new Map(next.map((e) => [e.data.id, e]));
  const add: ElementData[] = [];
  const remove: ElementData[] = [];
  const update: ElementData[] = [];
  const move: Array<{ id: string; position: Position }> = [];

  for (const element of prev) if (!after.has(element.data.id)) remove.push(element);
  for (const element of next) {
    const old = before.get(element.data.id);
    if (!old) {
      add.push(element);
      continue;
    }
    if (replaced(old, element)) {
      remove.push(old);
      add.push(element);
      continue;
    }
    if (old.classes !== element.classes || !sameValue(old.data, element.data)) update.push(element);
    if (element.position && !samePosition(old.position, element.position)) {
      move.push({ id: element.data.id, position: element.position });
    }
  }
  const nodesFirst = (a: ElementData, b: ElementData) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1);
  return {
    add: add.sort(nodesFirst),
    remove: remove.sort((a, b) => -nodesFirst(a, b)).map((e) => e.data.id),
    update,
    move,
  };
}

export const isEmptyPatch = (patch: ElementPatch): boolean =>
  patch.add.length + patch.remove.length + patch.update.length + patch.move.length === 0;

/**
 * The patch applied to plain elements, as the canvas applies it to `cy` (a reference for tests): removed
 * first, then added, updated (data and classes) and moved. Order of the result: `prev`'s, then additions.
 */
export function applyPatchToElements(prev: readonly ElementData[], patch: ElementPatch): ElementData[] {
  const gone = new Set(patch.remove);
  const byId = new Map<string, ElementData>();
  for (const e of prev) if (!gone.has(e.data.id)) byId.set(e.data.id, e);
  for (const e of patch.add) byId.set(e.data.id, e);
  for (const e of patch.update) {
    const old = byId.get(e.data.id);
    if (!old) continue;
    byId.set(e.data.id, {
      group: old.group,
      data: e.data,
      classes: e.classes,
      ...(old.position && { position: old.position }),
    });
  }
  for (const { id, position } of patch.move) {
    const old = byId.get(id);
    if (old) byId.set(id, { ...old, position });
  }
  return [...byId.values()];
}
