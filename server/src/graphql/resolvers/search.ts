import { searchWithoutPersonal } from '../../domain/access/redact-search.js';
import { searchEntities } from '../../domain/services/read-graph.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { personalFor } from './redaction.js';

export const searchResolvers: Resolvers = {
  Query: {
    async search(_, args, context) {
      // Without personal:read, a hit that matches only through personal text is neither returned nor counted.
      // Its count may be a bound (`truncated`): hits are checked one by one, up to a bound.
      const page = personalFor(context)
        ? { ...(await searchEntities(context.store, args)), truncated: null }
        : await searchWithoutPersonal(context.store, args);
      return {
        edges: page.hits.map((h) => ({ cursor: h.cursor, node: h.entity, score: h.score })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: page.hasPreviousPage,
          startCursor: page.hits[0]?.cursor ?? null,
          endCursor: page.hits.at(-1)?.cursor ?? null,
        },
        totalCount: page.totalCount,
        truncated: page.truncated,
      };
    },
  },
};
