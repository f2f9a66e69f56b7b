import { connectingNetwork } from '../../domain/services/connecting-network.js';
import { neighbourhood, paths, type BoundedSubgraph } from '../../domain/services/read-graph.js';
import { rollupLinks } from '../../domain/services/rollups.js';
import { primeEntities, type GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

/** The subgraph's entities seed the loader: its links' ends then cost no store call. */
function primed(subgraph: BoundedSubgraph, context: GraphQLContext): BoundedSubgraph {
  primeEntities(context, subgraph.entities);
  return subgraph;
}

export const subgraphResolvers: Resolvers = {
  Query: {
    neighbourhood: async (_, args, context) => primed(await neighbourhood(context.store, args), context),
    async paths(_, args, context) {
      const result = await paths(context.store, args);
      primed(result.subgraph, context);
      return result;
    },
    async connectingNetwork(_, args, context) {
      const result = await connectingNetwork(context.store, args);
      primed(result.subgraph, context);
      return result;
    },
  },
  Subgraph: {
    rollups: (subgraph) => rollupLinks(subgraph.links),
  },
  Path: {
    hops: (path) => path.linkIds.length,
  },
};
