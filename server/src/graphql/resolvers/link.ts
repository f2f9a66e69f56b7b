import { notFound } from '../../domain/errors.js';
import type { Entity } from '../../domain/graph.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

/** A link's end through the request's loader: the ends of many links are fetched in one store call. */
async function end(id: string, { entities }: GraphQLContext): Promise<Entity> {
  const entity = await entities.load(id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

export const linkResolvers: Resolvers = {
  Link: {
    from: (link, _, context) => end(link.from, context),
    to: (link, _, context) => end(link.to, context),
  },
  Rollup: {
    from: (rollup, _, context) => end(rollup.from, context),
    to: (rollup, _, context) => end(rollup.to, context),
  },
};
