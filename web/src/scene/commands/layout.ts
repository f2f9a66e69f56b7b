import type { LayoutName, Position, Scene, SceneNode } from '../types';

export const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'dagre', 'grid', 'preset'];

export const setLayout = (scene: Scene, layout: LayoutName): Scene =>
  scene.layout === layout ? scene : { ...scene, layout };

/**
 * Positions the canvas reports (after a layout or a drag), so saving, undo and redo keep them. Unknown
 * ids and non-finite coordinates are ignored.
 */
export function recordPositions(scene: Scene, positions: Readonly<Record<string, Position>>): Scene {
  let nodes: Record<string, SceneNode> | null = null;
  for (const [id, position] of Object.entries(positions)) {
    const node = scene.nodes[id];
    if (!node || !Number.isFinite(position.x) || !Number.isFinite(position.y)) continue;
    if (node.position && node.position.x === position.x && node.position.y === position.y) continue;
    nodes ??= { ...scene.nodes };
    nodes[id] = { ...node, position: { x: position.x, y: position.y } };
  }
  return nodes ? { ...scene, nodes } : scene;
}
