import type { Path } from '../../domain/graph.js';
import { connectingNetwork } from '../../domain/services/connecting-network.js';
import { neighbourhood, paths, type BoundedSubgraph } from '../../domain/services/read-graph.js';
import { rollupLinks } from '../../domain/services/rollups.js';
import { primeEntities, type GraphQLContext } from '../context.js';

/** The subgraph's entities seed the loader: its links' ends then cost no store call. */
function primed<T extends { subgraph: BoundedSubgraph }>(result: T, context: GraphQLContext): T {
  primeEntities(context, result.subgraph.entities);
  return result;
}

interface NeighbourhoodArgs {
  ids: readonly string[];
  depth: number;
  kinds?: readonly string[] | null;
  linkTypes?: readonly string[] | null;
  limit: number;
}
interface PathsArgs {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  linkTypes?: readonly string[] | null;
}

export const subgraphResolvers = {
  Query: {
    async neighbourhood(_: unknown, args: NeighbourhoodArgs, context: GraphQLContext) {
      return primed({ subgraph: await neighbourhood(context.store, args) }, context).subgraph;
    },
    async paths(_: unknown, args: PathsArgs, context: GraphQLContext) {
      return primed(await paths(context.store, args), context);
    },
    async connectingNetwork(_: unknown, args: { ids: readonly string[]; maxHops: number }, context: GraphQLContext) {
      return primed(await connectingNetwork(context.store, args), context);
    },
  },
  Subgraph: {
    rollups: (subgraph: BoundedSubgraph) => rollupLinks(subgraph.links),
  },
  Path: {
    hops: (path: Path) => path.linkIds.length,
  },
};
