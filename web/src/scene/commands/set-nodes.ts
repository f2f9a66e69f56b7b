import type { Scene, SceneNode } from '../types';

/** Changes the named nodes that exist; the same scene when `change` returns every node unchanged. */
export function setNodes(scene: Scene, ids: readonly string[], change: (node: SceneNode) => SceneNode): Scene {
  let nodes: Record<string, SceneNode> | null = null;
  for (const id of ids) {
    const node = (nodes ?? scene.nodes)[id];
    if (!node) continue;
    const next = change(node);
    if (next === node) continue;
    nodes ??= { ...scene.nodes };
    nodes[id] = next;
  }
  return nodes ? { ...scene, nodes } : scene;
}
