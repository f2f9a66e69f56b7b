/**
 * The subgraph a query's answer names: every entity id and link id found in its cells (a node comes back
 * as its entity id, a relationship as its link id, a path as both lists), read from the store, plus the
 * ends of those links. Bounded: past the caps the rest are counted in `truncated`, never dropped silently.
 */
import type { Entity, Link, Truncation } from '../domain/graph.js';
import { model } from '../domain/model/index.js';
import type { BoundedSubgraph } from '../domain/services/read-graph.js';
import type { CellValue, GraphStore } from '../store/port.js';

export const SUBGRAPH_MAX_ENTITIES = 500;
export const SUBGRAPH_MAX_LINKS = 2_000;

const investigationPrefixes = new Set(model.kinds.filter((k) => !k.system).map((k) => k.idPrefix));
const relationshipNames = new Set(model.relationships.map((r) => r.name));
const LINK_ID = /^link:([A-Z_]+):[0-9a-f]{16}$/;

function isEntityId(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon < text.length - 1 && investigationPrefixes.has(text.slice(0, colon)) && !/\s/.test(text);
}

/** Entity and link ids in the cells, in order of first appearance. */
export function idsInRows(rows: readonly (readonly CellValue[])[]): { entityIds: string[]; linkIds: string[] } {
  const entities = new Set<string>();
  const links = new Set<string>();
  const visit = (cell: CellValue) => {
    if (typeof cell === 'string') {
      const link = LINK_ID.exec(cell);
      if (link && relationshipNames.has(link[1]!)) links.add(cell);
      else if (isEntityId(cell)) entities.add(cell);
    } else if (Array.isArray(cell)) {
      for (const c of cell) visit(c);
    } else if (cell !== null && typeof cell === 'object') {
      for (const c of Object.values(cell)) visit(c);
    }
  };
  for (const row of rows) for (const cell of row) visit(cell);
  return { entityIds: [...entities], linkIds: [...links] };
}

const cut = (bound: string, value: number, total: number): Truncation | null =>
  total > value ? { bound, value, omitted: total - value } : null;

export async function resultSubgraph(
  store: Pick<GraphStore, 'getEntities' | 'getLinks'>,
  rows: readonly (readonly CellValue[])[],
): Promise<BoundedSubgraph> {
  const { entityIds, linkIds } = idsInRows(rows);
  const links: Link[] = linkIds.length ? await store.getLinks(linkIds.slice(0, SUBGRAPH_MAX_LINKS)) : [];
  // Link ends join the named entities, so every link can be drawn.
  const wanted = [...new Set([...entityIds, ...links.flatMap((l) => [l.from, l.to])])];
  const kept = wanted.slice(0, SUBGRAPH_MAX_ENTITIES);
  const entities: Entity[] = kept.length ? await store.getEntities(kept) : [];
  const present = new Set(entities.map((e) => e.id));
  const drawable = links.filter((l) => present.has(l.from) && present.has(l.to));
  // Links past the cap, and links whose ends the entity cap left out.
  const omittedLinks = Math.max(0, linkIds.length - SUBGRAPH_MAX_LINKS) + (links.length - drawable.length);
  const truncated = [
    cut('subgraphEntities', SUBGRAPH_MAX_ENTITIES, wanted.length),
    omittedLinks > 0 ? { bound: 'subgraphLinks', value: SUBGRAPH_MAX_LINKS, omitted: omittedLinks } : null,
  ].filter((t): t is Truncation => t !== null);
  return { entities, links: drawable, truncated };
}
