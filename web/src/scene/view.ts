/**
 * What should be drawn for a scene: plain Cytoscape-shaped elements (see ElementData in types.ts).
 * Pure and cheap enough to run after every command; `diffElements` turns two drawings into a patch.
 */
import { edgeRollup, rollupLabel } from './edge-rollup';
import { aggregateId, moreEdgeId, moreId, pairKey } from './ids';
import type { ElementData, Expansion, GraphLink, Scene } from './types';
import { isLinkVisible, isNodeVisible } from './visibility';

const classes = (...names: ReadonlyArray<string | false>): string => names.filter(Boolean).join(' ');

export function sceneToElements(scene: Scene): ElementData[] {
  const selected = new Set(scene.selection);
  const highlight = scene.highlight;
  const litNodes = new Set(highlight?.nodes ?? []);
  const litLinks = new Set(highlight?.links ?? []);
  const elements: ElementData[] = [];

  for (const [id, node] of Object.entries(scene.nodes)) {
    if (!isNodeVisible(scene, id)) continue;
    const lit = litNodes.has(id);
    elements.push({
      group: 'nodes',
      data: { id, kind: node.entity.kind, caption: node.entity.caption },
      classes: classes(
        `kind-${node.entity.kind}`,
        selected.has(id) && 'selected',
        highlight !== null && (lit ? 'highlighted' : 'dimmed'),
        node.pinned && 'pinned',
      ),
      ...(node.position && { position: node.position }),
    });
  }

  const pairs = new Map<string, GraphLink[]>();
  for (const link of Object.values(scene.links)) {
    if (!isLinkVisible(scene, link)) continue;
    const key = pairKey(link.type, link.from, link.to);
    const group = pairs.get(key);
    if (group) group.push(link);
    else pairs.set(key, [link]);
  }
  const rolledUpTypes = new Set(Object.values(scene.rollups).map((r) => r.type));
  for (const [key, links] of pairs) {
    const { type, from, to } = links[0]!;
    const id = aggregateId(type, from, to);
    const linkIds = links.map((l) => l.id).sort();
    const rollup = edgeRollup(links, scene.rollups[key], rolledUpTypes.has(type));
    // Without link ids (a network of nodes), an edge between two highlighted nodes is part of the trace.
    const lit = litLinks.size > 0 ? linkIds.some((l) => litLinks.has(l)) : litNodes.has(from) && litNodes.has(to);
    elements.push({
      group: 'edges',
      data: { id, source: from, target: to, type, linkIds, ...rollup, label: rollupLabel(rollup) },
      classes: classes(
        `type-${type}`,
        links.length > 1 && 'aggregate',
        (selected.has(id) || linkIds.some((l) => selected.has(l))) && 'selected',
        highlight !== null && (lit ? 'highlighted' : 'dimmed'),
      ),
    });
  }

  for (const expansion of scene.expansions) elements.push(...marker(scene, expansion));
  return elements;
}

/** The "N more" node of an expansion that hit a bound, edged to its first drawn seed. */
function marker(scene: Scene, expansion: Expansion): ElementData[] {
  const omitted = sumOmitted(expansion, (bound) => bound !== 'linkLimit');
  const omittedLinks = sumOmitted(expansion, (bound) => bound === 'linkLimit');
  const seed = expansion.seeds.find((s) => isNodeVisible(scene, s));
  if ((omitted === 0 && omittedLinks === 0) || seed === undefined) return [];
  const id = moreId(expansion.id);
  const dim = scene.highlight !== null && 'dimmed';
  return [
    {
      group: 'nodes',
      data: {
        id,
        expansionId: expansion.id,
        seed,
        omitted,
        omittedLinks,
        label: omitted > 0 ? `${omitted} more` : `${omittedLinks} more links`,
      },
      classes: classes('more', dim),
    },
    {
      group: 'edges',
      data: { id: moreEdgeId(expansion.id), source: seed, target: id },
      classes: classes('more', dim),
    },
  ];
}

const sumOmitted = (expansion: Expansion, which: (bound: string) => boolean): number =>
  expansion.truncated.filter((t) => which(t.bound)).reduce((sum, t) => sum + t.omitted, 0);
