/**
 * Layouts: a whole-scene layout by name, and the incremental layout of what an expansion just added,
 * which keeps every node the investigator already sees where it is. Pinned nodes are locked (see
 * apply-patch), so no layout moves them. Each function resolves when the layout has stopped, so the
 * caller can report the new positions to the scene.
 */

import type { Collection, Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { LayoutName } from '../scene/types';
import { useLayoutExtensions } from './extensions';

/** Above this many nodes, layouts jump to the result instead of animating (an animation costs frames). */
const ANIMATE_UP_TO = 300;

export interface LayoutRun {
  /** Fit the viewport to the result (default true). */
  readonly fit?: boolean;
  readonly animate?: boolean;
}

/** Extension layouts (fcose, dagre) take options Cytoscape's own union does not list: one cast, here. */
export const asLayout = (options: { readonly name: string } & Record<string, unknown>) =>
  options as unknown as LayoutOptions;

export function layoutOptions(name: LayoutName, nodeCount: number, run: LayoutRun = {}): LayoutOptions {
  const fit = run.fit ?? true;
  const animate = run.animate ?? nodeCount <= ANIMATE_UP_TO;
  const common = { fit, padding: 40, animate, animationDuration: 350 };
  switch (name) {
    case 'fcose':
      return asLayout({
        name: 'fcose',
        ...common,
        quality: nodeCount > 2000 ? 'draft' : 'default',
        randomize: true,
        nodeSeparation: 90,
        nodeRepulsion: () => 8000,
        idealEdgeLength: () => 110,
        packComponents: false, // needs cytoscape-layout-utilities, which we do not load
      });
    case 'concentric':
      return asLayout({
        name: 'concentric',
        ...common,
        minNodeSpacing: 30,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      });
    case 'dagre':
      return asLayout({ name: 'dagre', ...common, rankDir: 'LR', nodeSep: 30, rankSep: 120 });
    case 'grid':
      return asLayout({
        name: 'grid',
        ...common,
        avoidOverlap: true,
        // Kinds together: the grid reads as a list of what is on the scene.
        sort: (a: NodeSingular, b: NodeSingular) =>
          String(a.data('kind') ?? '').localeCompare(String(b.data('kind') ?? '')) ||
          String(a.data('caption') ?? '').localeCompare(String(b.data('caption') ?? '')),
      });
    case 'preset':
      // The positions the scene holds are already on the nodes: keep them.
      return asLayout({ name: 'preset', fit, padding: 40 });
  }
}

export function stopped(eles: Collection, options: LayoutOptions): Promise<void> {
  useLayoutExtensions();
  return new Promise((resolve) => {
    const layout = eles.layout(options);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/** Lays the whole scene out with `name`. */
export function runLayout(cy: Core, name: LayoutName, run: LayoutRun = {}): Promise<void> {
  if (cy.nodes().empty()) return Promise.resolve();
  return stopped(cy.elements(), layoutOptions(name, cy.nodes().length, run));
}

/** Left to right, only these elements (a money trail), moved clear of the rest of the scene. */
export async function runTrailLayout(cy: Core, eles: Collection, run: LayoutRun = {}): Promise<void> {
  const nodes = eles.nodes();
  if (nodes.empty()) return;
  const trail = nodes.union(nodes.edgesWith(nodes));
  await stopped(trail, layoutOptions('dagre', nodes.length, { ...run, fit: false }));
  const others = cy.nodes().difference(nodes);
  if (others.nonempty()) {
    const rest = others.boundingBox({});
    const box = nodes.boundingBox({});
    const overlaps = box.x1 < rest.x2 && box.x2 > rest.x1 && box.y1 < rest.y2 && box.y2 > rest.y1;
    if (overlaps)
      shift(
        nodes.filter((n) => !n.locked()),
        { x: rest.x1 - box.x1, y: rest.y2 + 120 - box.y1 },
      );
  }
  if (run.fit ?? true) cy.fit(trail, 40);
}

function shift(nodes: NodeCollection, delta: Position): void {
  nodes.positions((node) => {
    const p = node.position();
    return { x: p.x + delta.x, y: p.y + delta.y };
  });
}

export function centre(nodes: NodeCollection): Position {
  let x = 0;
  let y = 0;
  nodes.forEach((n) => {
    x += n.position('x');
    y += n.position('y');
  });
  return { x: x / nodes.length, y: y / nodes.length };
}

/** Current positions of these nodes (all when omitted), for the scene's `recordPositions`. */
export function positionsOf(cy: Core, nodes?: NodeCollection): Record<string, Position> {
  const out: Record<string, Position> = {};
  (nodes ?? cy.nodes()).forEach((n) => {
    const { x, y } = n.position();
    out[n.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  return out;
}
