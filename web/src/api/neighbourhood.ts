/** Expanding nodes: the entities around the seeds, with the bounds hit and the rollups of event links. */
import { graphql } from './graphql.js';
import { SUBGRAPH_FIELDS, toSubgraph, type Subgraph, type WireSubgraph } from './wire.js';

export interface NeighbourhoodArgs {
  readonly ids: readonly string[];
  /** 1 to 3 (server default 1). */
  readonly depth?: number;
  /** Kinds reached; absent or empty: all. */
  readonly kinds?: readonly string[];
  /** Relationship types followed; absent or empty: all. */
  readonly linkTypes?: readonly string[];
  /** Entities besides the seeds, 1 to 500 (server default 100): the cap behind "N more". */
  readonly limit?: number;
}

const NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood($ids: [ID!]!, $depth: Int! = 1, $kinds: [String!], $linkTypes: [String!], $limit: Int! = 100) {
    neighbourhood(ids: $ids, depth: $depth, kinds: $kinds, linkTypes: $linkTypes, limit: $limit) {
      ...SubgraphFields
    }
  }
  ${SUBGRAPH_FIELDS}
`;

/** An optional list argument: sent only when it names something (absent and empty both mean "all"). */
export const listOrNothing = (name: string, list: readonly string[] | undefined) =>
  list && list.length > 0 ? { [name]: list } : {};

export async function fetchNeighbourhood(args: NeighbourhoodArgs, signal?: AbortSignal): Promise<Subgraph> {
  const variables = {
    ids: args.ids,
    ...(args.depth !== undefined && { depth: args.depth }),
    ...(args.limit !== undefined && { limit: args.limit }),
    ...listOrNothing('kinds', args.kinds),
    ...listOrNothing('linkTypes', args.linkTypes),
  };
  const data = await graphql<{ neighbourhood: WireSubgraph }>(NEIGHBOURHOOD, variables, signal);
  return toSubgraph(data.neighbourhood);
}
