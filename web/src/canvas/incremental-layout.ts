/**
 * The layout of what an expansion just added, keeping every node the investigator already sees exactly
 * where it is. Each new node starts on a ring around the nodes it links to, outside the ring of their
 * current neighbours (or right of the scene when it links to none); then fcose settles the new nodes
 * with the anchors and the nodes around them held fixed, so the newcomers push away from what is
 * there instead of landing on it. Only that neighbourhood is laid out: +200 nodes on a large scene
 * cost what 200 nodes cost.
 */

import type { Collection, Core, NodeCollection, NodeSingular } from 'cytoscape';
import { asLayout, centre, layoutOptions, runLayout, stopped, type LayoutRun } from './layouts';

/** Margin around the new nodes within which placed nodes take part in the layout (held fixed). */
const NEARBY = 160;
/** Fixed nodes given to fcose at most: constraints cost time. */
const NEARBY_MAX = 400;

function ringRadius(anchors: NodeCollection, placed: NodeCollection): number {
  const c = centre(anchors);
  let far = 0;
  anchors
    .neighborhood()
    .nodes()
    .intersection(placed)
    .forEach((n) => {
      far = Math.max(far, Math.hypot(n.position('x') - c.x, n.position('y') - c.y));
    });
  return Math.max(90, far + 80);
}

function preplace(added: NodeCollection, placed: NodeCollection): void {
  const box = placed.boundingBox({});
  let loose = 0;
  const rings = new Map<string, { index: number; radius: number }>();
  added.forEach((node) => {
    const anchors = node.neighborhood().nodes().intersection(placed);
    if (anchors.empty()) {
      node.position({ x: box.x2 + 120, y: box.y1 + loose++ * 70 });
      return;
    }
    const key = anchors.map((a) => a.id()).join(',');
    const ring = rings.get(key) ?? { index: 0, radius: ringRadius(anchors, placed) };
    rings.set(key, { ...ring, index: ring.index + 1 });
    const angle = ring.index * 2.39996; // the golden angle: a spiral, no two on one spot
    const radius = ring.radius + 16 * Math.sqrt(ring.index);
    const c = centre(anchors);
    node.position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  });
}

function nearby(added: NodeCollection, placed: NodeCollection): NodeCollection {
  const box = added.boundingBox({});
  return placed
    .filter((n) => {
      const { x, y } = n.position();
      return x > box.x1 - NEARBY && x < box.x2 + NEARBY && y > box.y1 - NEARBY && y < box.y2 + NEARBY;
    })
    .slice(0, NEARBY_MAX) as unknown as NodeCollection;
}

function inView(cy: Core, eles: Collection): boolean {
  const view = cy.extent();
  const box = eles.boundingBox({});
  return box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
}

export async function layoutAdded(cy: Core, ids: readonly string[], run: LayoutRun = {}): Promise<void> {
  const wanted = new Set(ids);
  const added = cy.nodes().filter((n) => wanted.has(n.id()));
  if (added.empty()) return;
  const placed = cy.nodes().difference(added);
  if (placed.empty()) {
    await runLayout(cy, 'fcose', run);
    return;
  }
  preplace(added, placed);
  const anchors = added.neighborhood().nodes().difference(added);
  const fixed = anchors.union(nearby(added, placed));
  const group = added.union(fixed);
  const options = asLayout({
    ...(layoutOptions('fcose', group.length, { fit: false, animate: run.animate ?? false }) as { name: string }),
    randomize: false,
    quality: 'proof', // fcose's rule: without randomize, only "proof" refines the given positions
    fixedNodeConstraint: fixed.map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } })),
  });
  await stopped(group.union(group.edgesWith(group)), options);
  if (run.fit && !inView(cy, added)) {
    // Bring the new nodes into view with the rest, never zooming onto them alone.
    await cy
      .animation({ fit: { eles: cy.elements(), padding: 40 }, duration: 250 })
      .play()
      .promise();
  }
}
