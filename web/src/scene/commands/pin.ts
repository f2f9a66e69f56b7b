import type { Scene } from '../types';
import { setNodes } from './set-nodes';

/** Pinned nodes keep their position when a layout runs. */
export const pinNodes = (scene: Scene, ids: readonly string[]): Scene =>
  setNodes(scene, ids, (n) => (n.pinned ? n : { ...n, pinned: true }));

export const unpinNodes = (scene: Scene, ids: readonly string[]): Scene =>
  setNodes(scene, ids, (n) => (n.pinned ? { ...n, pinned: false } : n));
