/**
 * The money trail from a victim or a wallet: from a neighbourhood answer over the money links (PAID,
 * TRANSFERRED), what is reachable going the way the money went, each entity with its hop from the start
 * so the trail reads left to right (dagre rankDir LR, or `trailPositions` as a preset).
 */
import { addSubgraph } from './commands/add';
import { setHighlight } from './commands/highlight';
import { setLayout } from './commands/layout';
import type { Position, Scene, SubgraphData } from './types';

export const MONEY_LINK_TYPES: readonly string[] = ['PAID', 'TRANSFERRED'];

export interface MoneyTrail extends SubgraphData {
  readonly start: string;
  /** Hops from the start along the money (the start is 0), by entity id: the column it is drawn in. */
  readonly hops: Readonly<Record<string, number>>;
}

/**
 * Keeps the money links whose payer is reachable from `start` along money links (forward only: who paid
 * the start is not its trail), their entities and rollups. Bounds the answer hit are kept: the trail may
 * go on. Empty but for the start when nothing left it; an answer without the start gives an empty trail.
 */
export function moneyTrail(
  data: SubgraphData,
  start: string,
  linkTypes: readonly string[] = MONEY_LINK_TYPES,
): MoneyTrail {
  const money = data.links.filter((l) => linkTypes.includes(l.type));
  const out = new Map<string, string[]>();
  for (const link of money) out.set(link.from, [...(out.get(link.from) ?? []), link.to]);

  const hops: Record<string, number> = {};
  if (data.entities.some((e) => e.id === start)) {
    hops[start] = 0;
    // Breadth first, so each entity sits at its fewest hops from the start.
    for (let frontier = [start], hop = 1; frontier.length > 0; hop += 1) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const to of out.get(id) ?? []) {
          if (hops[to] !== undefined) continue;
          hops[to] = hop;
          next.push(to);
        }
      }
      frontier = next;
    }
  }
  const reached = (id: string) => hops[id] !== undefined;
  const links = money.filter((l) => reached(l.from));
  return {
    start,
    hops,
    entities: data.entities.filter((e) => reached(e.id)),
    links,
    rollups: (data.rollups ?? []).filter((r) => linkTypes.includes(r.type) && reached(r.from)),
    truncated: data.truncated ?? [],
  };
}

/** Columns by hop, left to right; in a column, entities in id order (stable between runs). */
export function trailPositions(trail: MoneyTrail, spacing: Position = { x: 220, y: 90 }): Record<string, Position> {
  const columns = new Map<number, string[]>();
  for (const [id, hop] of Object.entries(trail.hops)) columns.set(hop, [...(columns.get(hop) ?? []), id]);
  const positions: Record<string, Position> = {};
  for (const [hop, ids] of columns) {
    ids.sort();
    // Centred on the start's row, so the trail fans out around it.
    ids.forEach((id, row) => (positions[id] = { x: hop * spacing.x, y: (row - (ids.length - 1) / 2) * spacing.y }));
  }
  return positions;
}

/** The trail on the scene as one step: added, highlighted (the rest dimmed), laid out left to right. */
export function showMoneyTrail(scene: Scene, trail: MoneyTrail): Scene {
  const added = addSubgraph(scene, trail);
  const lit = setHighlight(added, {
    kind: 'money',
    nodes: trail.entities.map((e) => e.id),
    links: trail.links.map((l) => l.id),
  });
  return setLayout(lit, 'dagre');
}
