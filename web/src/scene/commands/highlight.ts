import { sameValue } from '../equal';
import type { Highlight, Scene } from '../types';

/**
 * Highlights a trace (paths, connecting network, money trail): the view dims the rest. Ids not on the
 * scene are dropped; a highlight with no node left clears it.
 */
export function setHighlight(scene: Scene, highlight: Highlight): Scene {
  const nodes = [...new Set(highlight.nodes)].filter((id) => scene.nodes[id]);
  const links = [...new Set(highlight.links)].filter((id) => scene.links[id]);
  const next: Highlight | null = nodes.length === 0 ? null : { kind: highlight.kind, nodes, links };
  return sameValue(scene.highlight, next) ? scene : { ...scene, highlight: next };
}

export const clearHighlight = (scene: Scene): Scene => (scene.highlight ? { ...scene, highlight: null } : scene);
