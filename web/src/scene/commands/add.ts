/**
 * Adding what an API answer returned (search hit, neighbourhood, paths, connecting network, a saved
 * view's entities). An expansion also records what it brought, so it can be collapsed as one step.
 */
import { sameValue } from '../equal';
import { expansionId, pairKey } from '../ids';
import type { Expansion, GraphLink, Rollup, Scene, SceneNode, SubgraphData } from '../types';

export interface ExpansionRequest {
  /** The node(s) expanded. */
  readonly seeds: readonly string[];
  /** Relationship types followed; empty or absent: all. */
  readonly linkTypes?: readonly string[];
  readonly depth: number;
  /** Default `expansionId(seeds, linkTypes, depth)`: the same request again updates the same expansion. */
  readonly id?: string;
}

export interface AddOptions {
  /** Set when the answer is an expansion (neighbourhood of nodes on the scene); absent for the investigator's own adds. */
  readonly expansion?: ExpansionRequest;
}

const union = (a: readonly string[], b: Iterable<string>): string[] => [...new Set([...a, ...b])];

/**
 * Adds the answer's entities and links (links whose ends are not on the scene afterwards are skipped),
 * refreshes entities and links already there, and keeps the answer's rollups.
 *
 * Ownership, which collapsing reads: an expansion owns the nodes and links it brought that were not on
 * the scene, or were there only because another expansion brought them (then both own them, and
 * collapsing one keeps them). The investigator's own add (no `expansion`) claims everything it names:
 * no expansion owns those any more, so no collapse removes them. Nodes the investigator hid stay hidden
 * when an expansion reaches them again, and show again when the investigator adds them.
 */
export function addSubgraph(scene: Scene, data: SubgraphData, options: AddOptions = {}): Scene {
  const request = options.expansion;
  const nodes: Record<string, SceneNode> = { ...scene.nodes };
  const links: Record<string, GraphLink> = { ...scene.links };
  let changed = false;

  const ownedByExpansions = new Set(scene.expansions.flatMap((e) => [...e.addedNodes, ...e.addedLinks]));
  const brought: string[] = [];
  const broughtLinks: string[] = [];

  for (const entity of data.entities) {
    const existing = nodes[entity.id];
    if (!existing) {
      nodes[entity.id] = { entity, pinned: false, hidden: false };
      brought.push(entity.id);
      changed = true;
      continue;
    }
    const unhide = !request && existing.hidden;
    if (unhide || !sameValue(existing.entity, entity)) {
      nodes[entity.id] = { ...existing, entity, hidden: unhide ? false : existing.hidden };
      changed = true;
    }
    if (ownedByExpansions.has(entity.id)) brought.push(entity.id);
  }

  for (const link of data.links) {
    if (!nodes[link.from] || !nodes[link.to]) continue;
    const existing = links[link.id];
    if (!existing) {
      links[link.id] = link;
      broughtLinks.push(link.id);
      changed = true;
      continue;
    }
    if (!sameValue(existing, link)) {
      links[link.id] = link;
      changed = true;
    }
    if (ownedByExpansions.has(link.id)) broughtLinks.push(link.id);
  }

  const rollups = mergeRollups(scene.rollups, data.rollups ?? [], links);
  if (rollups !== scene.rollups) changed = true;

  const expansions = request
    ? recordExpansion(scene.expansions, request, brought, broughtLinks, data)
    : claim(scene.expansions, new Set([...data.entities.map((e) => e.id), ...data.links.map((l) => l.id)]));
  if (expansions !== scene.expansions) changed = true;

  return changed ? { ...scene, nodes, links, rollups, expansions } : scene;
}

function mergeRollups(
  current: Scene['rollups'],
  incoming: readonly Rollup[],
  links: Readonly<Record<string, GraphLink>>,
): Scene['rollups'] {
  let next: Record<string, Rollup> | null = null;
  for (const rollup of incoming) {
    // A rollup whose links were skipped (an end not on the scene) would describe an edge that is not there.
    if (!rollup.linkIds.some((id) => links[id])) continue;
    const key = pairKey(rollup.type, rollup.from, rollup.to);
    if (sameValue(current[key], rollup)) continue;
    next ??= { ...current };
    next[key] = rollup;
  }
  return next ?? current;
}

function recordExpansion(
  expansions: readonly Expansion[],
  request: ExpansionRequest,
  brought: readonly string[],
  broughtLinks: readonly string[],
  data: SubgraphData,
): readonly Expansion[] {
  const linkTypes = request.linkTypes ?? [];
  const id = request.id ?? expansionId(request.seeds, linkTypes, request.depth);
  const seeds = new Set(request.seeds);
  const addedNodes = brought.filter((n) => !seeds.has(n));
  const truncated = data.truncated ?? [];
  const index = expansions.findIndex((e) => e.id === id);
  const previous = expansions[index];
  if (!previous) {
    // Nothing brought and nothing left out: there is nothing to collapse or open later.
    if (addedNodes.length === 0 && broughtLinks.length === 0 && truncated.length === 0) return expansions;
    return [
      ...expansions,
      {
        id,
        seeds: [...seeds],
        linkTypes: [...linkTypes],
        depth: request.depth,
        addedNodes,
        addedLinks: [...broughtLinks],
        truncated,
      },
    ];
  }
  const merged: Expansion = {
    ...previous,
    addedNodes: union(previous.addedNodes, addedNodes),
    addedLinks: union(previous.addedLinks, broughtLinks),
    // The latest answer says what is still left out.
    truncated,
  };
  if (sameValue(previous, merged)) return expansions;
  return expansions.map((e, i) => (i === index ? merged : e));
}

function claim(expansions: readonly Expansion[], ids: ReadonlySet<string>): readonly Expansion[] {
  let changed = false;
  const next = expansions.map((e) => {
    if (!e.addedNodes.some((id) => ids.has(id)) && !e.addedLinks.some((id) => ids.has(id))) return e;
    changed = true;
    return {
      ...e,
      addedNodes: e.addedNodes.filter((id) => !ids.has(id)),
      addedLinks: e.addedLinks.filter((id) => !ids.has(id)),
    };
  });
  return changed ? next : expansions;
}
