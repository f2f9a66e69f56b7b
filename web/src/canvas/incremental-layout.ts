/**
 * The layout of what an expansion just added, keeping every node the investigator already sees exactly
 * where it is. Each new node goes on a ring around the nodes it links to, outside the ring of their
 * current neighbours, at the first spot clear of every node (or in a column right of the scene when it
 * links to none): pure geometry (ring-placement.ts), linear in the nodes involved. An incremental fcose
 * with the neighbourhood held fixed took 6.9 s for +200 nodes on a 2k scene; this takes milliseconds.
 */

import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import { runLayout, type LayoutRun } from './layouts';
import { placeOnRings, type Point, type RingRequest } from './ring-placement';

/** Node diameter plus air: how close a newcomer may come to any node. */
const GAP = 60;

function inView(cy: Core, eles: NodeCollection): boolean {
  const view = cy.extent();
  const box = eles.boundingBox({});
  return box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
}

function requestFor(node: NodeSingular, wanted: ReadonlySet<string>, reach: Map<string, number>): RingRequest {
  const anchors = node
    .neighborhood()
    .nodes()
    .filter((n) => !wanted.has(n.id())) as NodeCollection;
  const key = anchors
    .map((a) => a.id())
    .sort()
    .join(',');
  const points = anchors.map((a) => ({ ...a.position() }));
  if (!reach.has(key) && points.length > 0) {
    // How far the anchors' current neighbours reach from their centre: the ring goes outside them.
    const c = {
      x: points.reduce((s, p) => s + p.x, 0) / points.length,
      y: points.reduce((s, p) => s + p.y, 0) / points.length,
    };
    let far = 0;
    anchors
      .neighborhood()
      .nodes()
      .forEach((n) => {
        if (!wanted.has(n.id())) far = Math.max(far, Math.hypot(n.position('x') - c.x, n.position('y') - c.y));
      });
    reach.set(key, far);
  }
  return { id: node.id(), anchors: points, key, reach: reach.get(key) ?? 0 };
}

export async function layoutAdded(cy: Core, ids: readonly string[], run: LayoutRun = {}): Promise<void> {
  const wanted = new Set(ids);
  const added = cy.nodes().filter((n) => wanted.has(n.id())) as NodeCollection;
  if (added.empty()) return;
  const placed = cy.nodes().filter((n) => !wanted.has(n.id())) as NodeCollection;
  if (placed.empty()) {
    await runLayout(cy, 'fcose', run);
    return;
  }
  const reach = new Map<string, number>();
  const requests = added.map((n) => requestFor(n, wanted, reach));
  const points: Point[] = placed.map((n) => ({ ...n.position() }));
  const at = placeOnRings(requests, points, placed.boundingBox({ includeLabels: false }), GAP);
  cy.batch(() => added.forEach((n) => void n.position(at.get(n.id())!)));
  if (run.fit && !inView(cy, added)) {
    // Bring the new nodes into view with the rest, never zooming onto them alone.
    await cy
      .animation({ fit: { eles: cy.elements(), padding: 40 }, duration: 250 })
      .play()
      .promise();
  }
}
