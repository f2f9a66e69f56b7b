/**
 * The drawn canvas: creates `cy` in a container with the extensions, turns Cytoscape events into plain
 * callbacks (ids and positions, never Cytoscape objects), and takes scene patches. Selection belongs to
 * the scene, not to Cytoscape (`autounselectify`): a tap asks the app to select, the scene's view sets
 * the `selected` class, and the patch draws it. The only module besides the layout helpers that holds `cy`.
 */

import cytoscape, { type Core, type EventObject } from 'cytoscape';
import type { ElementPatch, LayoutName, Position } from '../scene/types';
import { applyPatch } from './apply-patch';
import { attachContextMenu, type MenuContext, type NodeMenuCommand } from './context-menu';
import { useInteractionExtensions, useLayoutExtensions } from './extensions';
import { layoutAdded } from './incremental-layout';
import { positionsOf, runLayout, runTrailLayout } from './layouts';
import type { StyleModel } from './model-style';
import { attachNavigator } from './navigator';
import { buildStylesheet } from './stylesheet';
import { warmLayersWhenStill } from './warm-layers';

export type SelectGesture = 'replace' | 'add' | 'toggle';

export interface CanvasEvents {
  select(ids: readonly string[], mode: SelectGesture): void;
  clearSelection(): void;
  /** Double-click on an entity. */
  expand(id: string): void;
  /** Click on an "N more" marker. */
  openMore(markerId: string): void;
  /** The investigator dragged nodes: a step of its own. */
  moved(positions: Readonly<Record<string, Position>>): void;
  /** A layout placed nodes: follows from the last step. */
  placed(positions: Readonly<Record<string, Position>>): void;
  menu(command: NodeMenuCommand): void;
}

export interface ApplyOptions {
  /** Lay out the whole scene with this layout instead of placing only what was added. */
  readonly relayout?: LayoutName;
  /** Ids of a money trail to lay out left to right. */
  readonly trail?: readonly string[];
  /** Fit the viewport to the whole scene afterwards (an opened view). */
  readonly fit?: boolean;
}

/** What the test hook and support see of an element: plain data only. */
export interface DrawnElement {
  readonly id: string;
  readonly group: 'nodes' | 'edges';
  readonly classes: readonly string[];
  readonly label: string;
  readonly source?: string;
  readonly target?: string;
  /** Position on screen relative to the canvas container (nodes; an edge's midpoint). */
  readonly rendered: Position;
  /** Model position (nodes): what the scene records and a saved view restores. */
  readonly position?: Position;
}

export interface Canvas {
  apply(patch: ElementPatch, options?: ApplyOptions): Promise<void>;
  layout(name: LayoutName): Promise<void>;
  setModel(model: StyleModel): void;
  fit(ids?: readonly string[]): void;
  png(): Promise<Blob>;
  /** Resolves once every patch and layout asked for so far has been drawn (tests, support). */
  idle(): Promise<void>;
  elements(): DrawnElement[];
  destroy(): void;
}

export interface CanvasOptions {
  readonly container: HTMLElement;
  /** Id of the element the minimap draws in, shown on large scenes. */
  readonly navigatorId?: string;
  readonly model: StyleModel;
  readonly events: CanvasEvents;
  readonly menu: MenuContext;
}

function gesture(event: EventObject): SelectGesture {
  const e = event.originalEvent as MouseEvent | undefined;
  if (e?.shiftKey) return 'add';
  if (e?.ctrlKey || e?.metaKey) return 'toggle';
  return 'replace';
}

export function createCanvas(options: CanvasOptions): Canvas {
  useLayoutExtensions();
  useInteractionExtensions();
  const { events } = options;
  const cy: Core = cytoscape({
    container: options.container,
    style: buildStylesheet(options.model),
    autounselectify: true,
    boxSelectionEnabled: false,
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: false, // off on purpose: see warm-layers.ts
    hideEdgesOnViewport: false, // measured worse at 10k (18 fps): it bypasses the layer cache
  });

  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    if (node.hasClass('more')) events.openMore(node.id());
    else events.select([node.id()], gesture(event));
  });
  cy.on('tap', 'edge', (event) => {
    const edge = event.target as cytoscape.EdgeSingular;
    if (!edge.hasClass('more')) events.select([edge.id()], gesture(event));
  });
  cy.on('tap', (event) => {
    if (event.target === cy) events.clearSelection();
  });
  cy.on('dbltap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    if (!node.hasClass('more')) events.expand(node.id());
  });
  cy.on('dragfree', 'node', (event) => {
    events.moved(positionsOf(cy, cy.$id((event.target as cytoscape.NodeSingular).id()).nodes()));
  });

  // The stage changes size when notices or the table come and go: cy must know to map clicks right.
  const resizing = new ResizeObserver(() => cy.resize());
  resizing.observe(options.container);
  const menu = attachContextMenu(cy, options.menu, (command) => events.menu(command));
  const warmLayers = warmLayersWhenStill(cy);
  const navigator = attachNavigator(cy, options.navigatorId);

  // Layouts run one at a time: a second patch waits for the first one's layout to stop.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => (queue = queue.then(work, work));

  return {
    apply(patch, applyOptions = {}) {
      return enqueue(async () => {
        const wasEmpty = cy.nodes().empty();
        const { unplaced } = applyPatch(cy, patch);
        navigator.update();
        if (applyOptions.trail && applyOptions.trail.length > 0) {
          // A trail's nodes already on the canvas move too: the trail reads left to right as a whole.
          const wanted = new Set(applyOptions.trail);
          await runTrailLayout(
            cy,
            cy.elements().filter((e) => wanted.has(e.id())),
          );
          events.placed(positionsOf(cy));
        } else if (applyOptions.relayout) {
          await runLayout(cy, applyOptions.relayout);
          events.placed(positionsOf(cy));
        } else if (unplaced.length > 0) {
          if (wasEmpty) await runLayout(cy, 'fcose');
          else await layoutAdded(cy, unplaced, { fit: true });
          events.placed(positionsOf(cy));
        }
        if (applyOptions.fit) cy.fit(undefined, 40);
      });
    },
    layout(name) {
      return enqueue(async () => {
        await runLayout(cy, name);
        events.placed(positionsOf(cy));
      });
    },
    setModel(model) {
      cy.style(buildStylesheet(model));
    },
    fit(ids) {
      const eles = ids ? cy.elements().filter((e) => ids.includes(e.id())) : cy.elements();
      cy.animate({ fit: { eles, padding: 40 }, duration: 250 });
    },
    png() {
      return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
    },
    idle() {
      return queue;
    },
    elements() {
      return cy.elements().map((e) => {
        const rendered = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
        return {
          id: e.id(),
          group: e.isNode() ? 'nodes' : 'edges',
          classes: e.classes(),
          label: String(e.data('caption') ?? e.data('label') ?? ''),
          ...(e.isEdge() && { source: e.source().id(), target: e.target().id() }),
          ...(e.isNode() && { position: { ...e.position() } }),
          rendered: { x: rendered.x, y: rendered.y },
        };
      });
    },
    destroy() {
      resizing.disconnect();
      menu.destroy();
      navigator.destroy();
      warmLayers.stop();
      cy.destroy();
    },
  };
}
