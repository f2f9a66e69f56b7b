import { searchWithoutPersonal } from '../../domain/access/redact-search.js';
import { searchEntities } from '../../domain/services/read-graph.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { personalFor } from './redaction.js';

export const searchResolvers: Resolvers = {
  Query: {
    async search(_, args, context) {
      // Without personal:read, a hit that matches only through personal text is neither returned nor counted.
      const search = personalFor(context) ? searchEntities : searchWithoutPersonal;
      const page = await search(context.store, args);
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
