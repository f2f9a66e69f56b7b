import { keepSelectable } from '../selectable';
import type { Scene } from '../types';
import { setNodes } from './set-nodes';

/** Hides nodes (and so their links); what is hidden leaves the selection: nothing selected is invisible. */
export const hideNodes = (scene: Scene, ids: readonly string[]): Scene => {
  const hidden = setNodes(scene, ids, (n) => (n.hidden ? n : { ...n, hidden: true }));
  return hidden === scene ? scene : keepSelectable(hidden);
};

export const unhideNodes = (scene: Scene, ids: readonly string[]): Scene =>
  setNodes(scene, ids, (n) => (n.hidden ? { ...n, hidden: false } : n));

export const unhideAll = (scene: Scene): Scene => unhideNodes(scene, Object.keys(scene.nodes));
