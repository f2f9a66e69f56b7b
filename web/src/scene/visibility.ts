import type { GraphLink, Scene } from './types';

/** Drawn: on the scene, not hidden by the investigator, its kind not filtered out. */
export function isNodeVisible(scene: Scene, id: string): boolean {
  const node = scene.nodes[id];
  return node !== undefined && !node.hidden && !scene.filters.hiddenKinds.includes(node.entity.kind);
}

/** Drawn: its type not filtered out and both ends drawn. */
export const isLinkVisible = (scene: Scene, link: GraphLink): boolean =>
  !scene.filters.hiddenLinkTypes.includes(link.type) &&
  isNodeVisible(scene, link.from) &&
  isNodeVisible(scene, link.to);
