import type { Canvas } from '../canvas/create-canvas';
import { clearHighlight, hideNodes, parseAggregateId, removeLinks, select } from '../scene';
import type { OperationContext } from './operations';
import { useShortcuts } from './use-shortcuts';

/** Ctrl/Cmd+Z undo, Shift+Ctrl+Z or Ctrl+Y redo, Delete hides the selection, Escape clears, F fits. */
export function useSceneShortcuts(ctx: OperationContext, canvas: Canvas | null, closePopups: () => void) {
  useShortcuts({
    undo: () => ctx.dispatch({ type: 'undo' }),
    redo: () => ctx.dispatch({ type: 'redo' }),
    hide: () => {
      const scene = ctx.scene();
      const nodes = scene.selection.filter((id) => scene.nodes[id]);
      // An edge is its links: hiding it takes them off the canvas (their ends stay).
      const links = scene.selection.flatMap((id) => {
        if (scene.links[id]) return [id];
        const pair = parseAggregateId(id);
        if (!pair) return [];
        return Object.values(scene.links)
          .filter((l) => l.type === pair.type && l.from === pair.from && l.to === pair.to)
          .map((l) => l.id);
      });
      if (nodes.length + links.length === 0) return;
      ctx.dispatch({ type: 'do', command: (s) => removeLinks(hideNodes(s, nodes), links) });
    },
    escape: () => {
      closePopups();
      ctx.dispatch({ type: 'amend', command: (s) => select(s, []) });
      if (ctx.scene().highlight) ctx.dispatch({ type: 'do', command: clearHighlight });
    },
    fit: () => canvas?.fit(),
  });
}
