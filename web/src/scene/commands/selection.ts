import { sameList } from '../equal';
import { isSelectable } from '../selectable';
import type { Scene } from '../types';
import { isLinkVisible } from '../visibility';

export type SelectMode = 'replace' | 'add' | 'toggle';

function withSelection(scene: Scene, selection: readonly string[]): Scene {
  return sameList(scene.selection, selection) ? scene : { ...scene, selection };
}

/**
 * Selects nodes, links or aggregate edges (`agg:...`) that are drawn; other ids are ignored.
 * `replace` (a click), `add` (shift-click, box), `toggle` (ctrl-click).
 */
export function select(scene: Scene, ids: readonly string[], mode: SelectMode = 'replace'): Scene {
  const wanted = [...new Set(ids)].filter((id) => isSelectable(scene, id));
  if (mode === 'replace') return withSelection(scene, wanted);
  if (mode === 'add') return withSelection(scene, [...new Set([...scene.selection, ...wanted])]);
  const flip = new Set(wanted);
  const kept = scene.selection.filter((id) => !flip.has(id));
  const added = wanted.filter((id) => !scene.selection.includes(id));
  return withSelection(scene, [...kept, ...added]);
}

/** Adds the drawn neighbours of the selected nodes to the selection. */
export function selectNeighbours(scene: Scene): Scene {
  const selected = new Set(scene.selection);
  const neighbours: string[] = [];
  for (const link of Object.values(scene.links)) {
    if (!isLinkVisible(scene, link)) continue;
    if (selected.has(link.from) && !selected.has(link.to)) neighbours.push(link.to);
    if (selected.has(link.to) && !selected.has(link.from)) neighbours.push(link.from);
  }
  return select(scene, neighbours, 'add');
}

export const clearSelection = (scene: Scene): Scene => withSelection(scene, []);
