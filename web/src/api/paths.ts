/** Traces: shortest paths between two entities, and the network connecting several. */
import { graphql } from './graphql.js';
import { listOrNothing } from './neighbourhood.js';
import { PATH_FIELDS, SUBGRAPH_FIELDS, toSubgraph, type Path, type Subgraph, type WireSubgraph } from './wire.js';

export interface PathsArgs {
  readonly from: string;
  readonly to: string;
  /** 1 to 10 (server default 6). */
  readonly maxHops?: number;
  /** Paths, 1 to 500 (server default 10). */
  readonly limit?: number;
  readonly linkTypes?: readonly string[];
}

export interface PathsAnswer {
  /** Every shortest path found; empty when none of at most `maxHops` hops exists. */
  readonly paths: readonly Path[];
  readonly subgraph: Subgraph;
}

const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxHops: Int! = 6, $limit: Int! = 10, $linkTypes: [String!]) {
    paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit, linkTypes: $linkTypes) {
      paths {
        ...PathFields
      }
      subgraph {
        ...SubgraphFields
      }
    }
  }
  ${PATH_FIELDS}
  ${SUBGRAPH_FIELDS}
`;

export async function fetchPaths(args: PathsArgs, signal?: AbortSignal): Promise<PathsAnswer> {
  const variables = {
    from: args.from,
    to: args.to,
    ...(args.maxHops !== undefined && { maxHops: args.maxHops }),
    ...(args.limit !== undefined && { limit: args.limit }),
    ...listOrNothing('linkTypes', args.linkTypes),
  };
  const { paths } = await graphql<{ paths: { paths: Path[]; subgraph: WireSubgraph } }>(PATHS, variables, signal);
  return { paths: paths.paths, subgraph: toSubgraph(paths.subgraph) };
}

export interface ConnectingNetworkArgs {
  /** 2 to 10 seeds. */
  readonly ids: readonly string[];
  /** 1 to 10 (server default 6). */
  readonly maxHops?: number;
}

export interface ConnectingNetworkAnswer {
  readonly subgraph: Subgraph;
  /** The path segments that joined each seed to the network. */
  readonly paths: readonly Path[];
  /** Seeds no path of at most `maxHops` hops joins to the others. */
  readonly unconnected: readonly string[];
}

const CONNECTING_NETWORK = /* GraphQL */ `
  query ConnectingNetwork($ids: [ID!]!, $maxHops: Int! = 6) {
    connectingNetwork(ids: $ids, maxHops: $maxHops) {
      subgraph {
        ...SubgraphFields
      }
      paths {
        ...PathFields
      }
      unconnected
    }
  }
  ${PATH_FIELDS}
  ${SUBGRAPH_FIELDS}
`;

export async function fetchConnectingNetwork(
  args: ConnectingNetworkArgs,
  signal?: AbortSignal,
): Promise<ConnectingNetworkAnswer> {
  const variables = { ids: args.ids, ...(args.maxHops !== undefined && { maxHops: args.maxHops }) };
  const { connectingNetwork: answer } = await graphql<{
    connectingNetwork: { subgraph: WireSubgraph; paths: Path[]; unconnected: string[] };
  }>(CONNECTING_NETWORK, variables, signal);
  return { subgraph: toSubgraph(answer.subgraph), paths: answer.paths, unconnected: answer.unconnected };
}
