import { parseAggregateId } from './ids';
import type { Scene } from './types';
import { isLinkVisible, isNodeVisible } from './visibility';

/** Drawn, so it can be selected: a visible node, a visible link, or an aggregate edge with a visible link. */
export function isSelectable(scene: Scene, id: string): boolean {
  if (scene.nodes[id]) return isNodeVisible(scene, id);
  const link = scene.links[id];
  if (link) return isLinkVisible(scene, link);
  const pair = parseAggregateId(id);
  return (
    pair !== null &&
    Object.values(scene.links).some(
      (l) => l.type === pair.type && l.from === pair.from && l.to === pair.to && isLinkVisible(scene, l),
    )
  );
}

/** The scene with what is no longer drawn dropped from the selection (after hiding or filtering). */
export function keepSelectable(scene: Scene): Scene {
  const selection = scene.selection.filter((id) => isSelectable(scene, id));
  return selection.length === scene.selection.length ? scene : { ...scene, selection };
}
