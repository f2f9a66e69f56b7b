import type { Canvas } from '../canvas/create-canvas';
import { addSubgraph, select } from '../scene';
import type { GraphEntity } from '../scene/types';
import type { OperationContext } from './operations';

/**
 * A search hit or a linked entity onto the canvas, selected. Already there: selected and brought into
 * view instead (a second copy is impossible anyway, ids are stable).
 */
export function addEntity(ctx: OperationContext, canvas: Canvas | null, entity: GraphEntity): void {
  if (ctx.scene().nodes[entity.id]) {
    ctx.dispatch({ type: 'amend', command: (s) => select(s, [entity.id]) });
    canvas?.fit([entity.id]);
    return;
  }
  ctx.dispatch({ type: 'do', command: (s) => addSubgraph(s, { entities: [entity], links: [] }) });
  ctx.dispatch({ type: 'amend', command: (s) => select(s, [entity.id]) });
}
