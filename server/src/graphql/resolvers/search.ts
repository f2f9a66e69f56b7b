import { searchEntities } from '../../domain/services/read-graph.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const searchResolvers: Resolvers = {
  Query: {
    async search(_, args, { store }) {
      const page = await searchEntities(store, args);
      return {
        edges: page.hits.map((h) => ({ cursor: h.cursor, node: h.entity, score: h.score })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: page.hasPreviousPage,
          startCursor: page.hits[0]?.cursor ?? null,
          endCursor: page.hits.at(-1)?.cursor ?? null,
        },
        totalCount: page.totalCount,
      };
    },
  },
};
