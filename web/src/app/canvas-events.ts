/**
 * What the canvas reports, turned into scene steps and operations. Selecting and the positions a layout
 * computed amend the present (no undo step of their own: undo takes back what the investigator did to the
 * scene, not every click); a drag, hide, pin and everything that asks the server is a step.
 */

import type { MenuContext, NodeMenuCommand } from '../canvas/context-menu';
import type { CanvasEvents } from '../canvas/create-canvas';
import { hideNodes, pinNodes, recordPositions, select, selectNeighbours, unpinNodes } from '../scene';
import type { Scene } from '../scene/types';
import { collapseAt, connectingNetwork, expand, openMore, tracePaths, type OperationContext } from './operations';

export interface WorkspaceUi {
  openExpandBy(id: string, at: { x: number; y: number }): void;
  moneyTrail(id: string): void;
  openRunQuery(id: string, at: { x: number; y: number }): void;
}

/** Selected entity ids (not edges), in the order selected. */
export const selectedEntities = (scene: Scene): string[] => scene.selection.filter((id) => scene.nodes[id]);

export function runMenuCommand(ctx: OperationContext, ui: WorkspaceUi, command: NodeMenuCommand): void {
  const { id } = command;
  switch (command.kind) {
    case 'expand':
      void expand(ctx, id, command.linkTypes);
      return;
    case 'expandBy':
      ui.openExpandBy(id, command.at);
      return;
    case 'collapse':
      collapseAt(ctx, id);
      return;
    case 'hide':
      ctx.dispatch({ type: 'do', command: (s) => hideNodes(s, [id]) });
      return;
    case 'pin':
      ctx.dispatch({ type: 'do', command: (s) => (command.pinned ? pinNodes(s, [id]) : unpinNodes(s, [id])) });
      return;
    case 'selectNeighbours':
      ctx.dispatch({ type: 'amend', command: (s) => selectNeighbours(select(s, [id], 'add')) });
      return;
    case 'moneyTrail':
      ui.moneyTrail(id);
      return;
    case 'pathsToSelected': {
      const others = selectedEntities(ctx.scene()).filter((s) => s !== id);
      if (others.length === 1 && others[0]) void tracePaths(ctx, others[0], id);
      else if (others.length > 1) void connectingNetwork(ctx, [...others, id].slice(0, 10));
      return;
    }
    case 'runQuery':
      ui.openRunQuery(id, command.at);
      return;
  }
}

export function canvasEvents(ctx: OperationContext, ui: WorkspaceUi): CanvasEvents {
  return {
    select: (ids, mode) => ctx.dispatch({ type: 'amend', command: (s) => select(s, ids, mode) }),
    clearSelection: () => ctx.dispatch({ type: 'amend', command: (s) => select(s, [], 'replace') }),
    expand: (id) => void expand(ctx, id),
    openMore: (markerId) => void openMore(ctx, markerId),
    moved: (positions) => ctx.dispatch({ type: 'do', command: (s) => recordPositions(s, positions) }),
    placed: (positions) => ctx.dispatch({ type: 'amend', command: (s) => recordPositions(s, positions) }),
    menu: (command) => runMenuCommand(ctx, ui, command),
  };
}

/** `queriesFor`: how many saved queries take an id of a kind (read when the menu opens). */
export function menuContext(ctx: OperationContext, queriesFor: (kind: string) => number): MenuContext {
  return {
    expandedFrom: (id) => ctx.scene().expansions.some((e) => e.seeds.includes(id)),
    selectedOthers: (id) => selectedEntities(ctx.scene()).filter((s) => s !== id),
    queriesFor,
  };
}
