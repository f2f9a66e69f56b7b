/**
 * Taking nodes and links off the scene, and everything that names them: links of removed nodes,
 * rollups, selection, highlight, expansions' records. Shared by remove and collapse.
 */
import { parseAggregateId } from '../ids';
import type { Expansion, Highlight, Scene } from '../types';

export function prune(scene: Scene, nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string> = new Set()): Scene {
  const goneNode = (id: string) => nodeIds.has(id);
  const present = Object.keys(scene.nodes).some(goneNode) || Object.keys(scene.links).some((id) => linkIds.has(id));
  if (!present) return scene;

  const nodes = Object.fromEntries(Object.entries(scene.nodes).filter(([id]) => !goneNode(id)));
  const links = Object.fromEntries(
    Object.entries(scene.links).filter(([id, l]) => !linkIds.has(id) && !goneNode(l.from) && !goneNode(l.to)),
  );
  const rollups = Object.fromEntries(
    Object.entries(scene.rollups).filter(
      ([, r]) => !goneNode(r.from) && !goneNode(r.to) && r.linkIds.some((id) => links[id]),
    ),
  );
  const kept = (id: string) => {
    if (nodes[id] || links[id]) return true;
    const pair = parseAggregateId(id);
    return (
      pair !== null &&
      Object.values(links).some((l) => l.type === pair.type && l.from === pair.from && l.to === pair.to)
    );
  };
  const selection = scene.selection.filter(kept);
  return {
    ...scene,
    nodes,
    links,
    rollups,
    selection: selection.length === scene.selection.length ? scene.selection : selection,
    highlight: pruneHighlight(scene.highlight, kept),
    expansions: pruneExpansions(scene.expansions, kept),
  };
}

function pruneHighlight(highlight: Highlight | null, kept: (id: string) => boolean): Highlight | null {
  if (!highlight) return null;
  const nodes = highlight.nodes.filter(kept);
  const links = highlight.links.filter(kept);
  if (nodes.length === 0) return null;
  return nodes.length === highlight.nodes.length && links.length === highlight.links.length
    ? highlight
    : { ...highlight, nodes, links };
}

/** An expansion whose seeds are all gone has no node to collapse from or hang its marker on: dropped. */
function pruneExpansions(expansions: readonly Expansion[], kept: (id: string) => boolean): readonly Expansion[] {
  return expansions
    .filter((e) => e.seeds.some(kept))
    .map((e) => {
      const addedNodes = e.addedNodes.filter(kept);
      const addedLinks = e.addedLinks.filter(kept);
      return addedNodes.length === e.addedNodes.length && addedLinks.length === e.addedLinks.length
        ? e
        : { ...e, addedNodes, addedLinks };
    });
}
