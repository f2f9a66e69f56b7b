/** Builders for tests of the scene and of the layers on top of it (canvas, panels): small, readable data. */
import type { GraphEntity, GraphLink, SubgraphData } from './types';

/** `entity('phone:+7')` is a PhoneNumber; the kind comes from the id prefix unless given. */
export function entity(id: string, kind?: string, properties: Record<string, unknown> = {}): GraphEntity {
  const prefix = id.slice(0, id.indexOf(':'));
  return {
    id,
    kind: kind ?? prefix.charAt(0).toUpperCase() + prefix.slice(1),
    caption: id.slice(id.indexOf(':') + 1),
    properties,
  };
}

let counter = 0;

/** A link; the id is `link:<TYPE>:<n>` unless given. */
export function link(
  type: string,
  from: string,
  to: string,
  properties: Record<string, unknown> = {},
  id?: string,
): GraphLink {
  counter += 1;
  return { id: id ?? `link:${type}:${counter}`, type, from, to, properties };
}

/** A subgraph of these links and of every entity they or `extra` name. */
export function subgraph(
  links: readonly GraphLink[],
  extra: readonly string[] = [],
  more: Partial<SubgraphData> = {},
): SubgraphData {
  const ids = [...new Set([...extra, ...links.flatMap((l) => [l.from, l.to])])];
  return { entities: ids.map((id) => entity(id)), links, ...more };
}
