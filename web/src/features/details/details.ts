/**
 * What the details panel shows for a selected id: an entity, or an edge (one link, or every link of a
 * type between two entities, with its rollup). Pure: reads the scene only.
 */

import { edgeRollup, parseAggregateId, type EdgeRollup } from '../../scene';
import type { GraphEntity, GraphLink, Scene } from '../../scene/types';

export type Details =
  | { readonly type: 'entity'; readonly entity: GraphEntity; readonly pinned: boolean; readonly degree: number }
  | {
      readonly type: 'edge';
      readonly id: string;
      readonly linkType: string;
      readonly from: GraphEntity | undefined;
      readonly to: GraphEntity | undefined;
      /** Newest first when the links have times. */
      readonly links: readonly GraphLink[];
      readonly rollup: EdgeRollup;
    };

const byTimeDesc = (a: GraphLink, b: GraphLink) =>
  String(b.properties['at'] ?? '').localeCompare(String(a.properties['at'] ?? '')) || a.id.localeCompare(b.id);

function edge(scene: Scene, id: string, links: GraphLink[]): Details | null {
  const first = links[0];
  if (!first) return null;
  const rollup = edgeRollup(links, scene.rollups[`${first.type}|${first.from}|${first.to}`], true);
  return {
    type: 'edge',
    id,
    linkType: first.type,
    from: scene.nodes[first.from]?.entity,
    to: scene.nodes[first.to]?.entity,
    links: [...links].sort(byTimeDesc),
    rollup,
  };
}

export function detailsOf(scene: Scene, id: string): Details | null {
  const node = scene.nodes[id];
  if (node) {
    const degree = Object.values(scene.links).filter((l) => l.from === id || l.to === id).length;
    return { type: 'entity', entity: node.entity, pinned: node.pinned, degree };
  }
  const link = scene.links[id];
  if (link) return edge(scene, id, [link]);
  const pair = parseAggregateId(id);
  if (!pair) return null;
  const links = Object.values(scene.links).filter(
    (l) => l.type === pair.type && l.from === pair.from && l.to === pair.to,
  );
  return edge(scene, id, links);
}

/** What the panel and the table show in place of a value the server withheld (never a blank). */
export const WITHHELD = 'withheld';

/**
 * An entity's property rows: the values it has, then the ones the server withheld (personal data without
 * personal:read), each marked, in name order among themselves.
 */
export function propertyRows(
  properties: Readonly<Record<string, unknown>>,
  withheld: readonly string[] = [],
): Array<{ name: string; text: string; withheld: boolean }> {
  const shown = Object.entries(properties)
    .filter(([name, v]) => v !== null && v !== undefined && v !== '' && !withheld.includes(name))
    .map(([name, value]) => ({ name, text: formatValue(value), withheld: false }));
  return [...shown, ...[...withheld].sort().map((name) => ({ name, text: WITHHELD, withheld: true }))];
}

/** A property value as text: lists joined, booleans as yes/no, instants readable in UTC. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) {
    return `${value.slice(0, 10)} ${value.slice(11, 19)} UTC`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
