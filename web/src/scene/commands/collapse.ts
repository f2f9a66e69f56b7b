import type { Scene } from '../types';
import { prune } from './prune';

/**
 * Undoes an expansion as one step, whatever happened since: removes the nodes and links it alone
 * brought. Kept: what another expansion also brought, the seeds of other expansions (their additions
 * hang on them), what the investigator added (claimed, see addSubgraph), and a node still tied by a
 * link this expansion did not bring.
 */
export function collapseExpansion(scene: Scene, expansionId: string): Scene {
  const expansion = scene.expansions.find((e) => e.id === expansionId);
  if (!expansion) return scene;
  const others = scene.expansions.filter((e) => e !== expansion);
  const heldNodes = new Set(others.flatMap((e) => [...e.seeds, ...e.addedNodes]));
  const heldLinks = new Set(others.flatMap((e) => e.addedLinks));

  const dropLinks = new Set(expansion.addedLinks.filter((id) => !heldLinks.has(id)));
  const candidates = new Set(expansion.addedNodes.filter((id) => !heldNodes.has(id)));
  // A link that stays keeps both its ends: a node tied to a kept node by such a link is kept too, which can
  // keep the next one, so repeat until nothing changes (links between two leaving nodes go with them).
  const staying = Object.values(scene.links).filter((l) => !dropLinks.has(l.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const link of staying) {
      const fromGoes = candidates.has(link.from);
      if (fromGoes !== candidates.has(link.to)) {
        candidates.delete(fromGoes ? link.from : link.to);
        changed = true;
      }
    }
  }
  const pruned = prune(scene, candidates, dropLinks);
  return { ...pruned, expansions: pruned.expansions.filter((e) => e.id !== expansionId) };
}
