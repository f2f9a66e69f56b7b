/**
 * The API's shapes (hand-written from server/src/graphql/schema/*.graphql) and their mapping to the
 * scene's plain data: a link's ends arrive as entities and become ids.
 */
import type { GraphEntity, GraphLink, Rollup, SubgraphData, Truncation } from '../scene/types.js';

export const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity {
    id
    kind
    caption
    properties
    withheld
  }
`;

export const LINK_FIELDS = /* GraphQL */ `
  fragment LinkFields on Link {
    id
    type
    properties
    from {
      id
    }
    to {
      id
    }
  }
`;

export const SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    entities {
      ...EntityFields
    }
    links {
      ...LinkFields
    }
    truncated {
      bound
      value
      omitted
    }
    rollups {
      type
      from {
        id
      }
      to {
        id
      }
      count
      totals {
        asset
        amount
      }
      firstAt
      lastAt
      linkIds
    }
  }
  ${ENTITY_FIELDS}
  ${LINK_FIELDS}
`;

export const PATH_FIELDS = /* GraphQL */ `
  fragment PathFields on Path {
    entityIds
    linkIds
    hops
  }
`;

export interface WireEntity {
  id: string;
  kind: string;
  caption: string;
  properties: Record<string, unknown> | null;
  /** Absent from documents that do not ask for it. */
  withheld?: string[] | null;
}

export interface WireLink {
  id: string;
  type: string;
  properties: Record<string, unknown> | null;
  from: { id: string };
  to: { id: string };
}

export interface WireRollup {
  type: string;
  from: { id: string };
  to: { id: string };
  count: number;
  totals: Array<{ asset: string; amount: string }>;
  firstAt: string | null;
  lastAt: string | null;
  linkIds: string[];
}

export interface WireSubgraph {
  entities: WireEntity[];
  links: WireLink[];
  truncated: Truncation[];
  rollups: WireRollup[];
}

/** A path through the graph: entity ids from one end to the other, and the link ids between them. */
export interface Path {
  readonly entityIds: readonly string[];
  readonly linkIds: readonly string[];
  readonly hops: number;
}

export const toEntity = (e: WireEntity): GraphEntity => ({
  id: e.id,
  kind: e.kind,
  caption: e.caption,
  properties: e.properties ?? {},
  ...(e.withheld && e.withheld.length > 0 && { withheld: e.withheld }),
});

export const toLink = (l: WireLink): GraphLink => ({
  id: l.id,
  type: l.type,
  from: l.from.id,
  to: l.to.id,
  properties: l.properties ?? {},
});

export const toRollup = (r: WireRollup): Rollup => ({ ...r, from: r.from.id, to: r.to.id });

/** Always with `rollups` and `truncated` (empty when the answer has none). */
export interface Subgraph extends SubgraphData {
  readonly rollups: readonly Rollup[];
  readonly truncated: readonly Truncation[];
}

export const toSubgraph = (s: WireSubgraph): Subgraph => ({
  entities: s.entities.map(toEntity),
  links: s.links.map(toLink),
  rollups: s.rollups.map(toRollup),
  truncated: s.truncated,
});
