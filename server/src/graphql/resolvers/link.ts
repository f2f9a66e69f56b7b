import { notFound } from '../../domain/errors.js';
import type { Entity, Link } from '../../domain/graph.js';
import type { GraphQLContext } from '../context.js';

/** A link's end through the request's loader: the ends of many links are fetched in one store call. */
async function end(id: string, { entities }: GraphQLContext): Promise<Entity> {
  const entity = await entities.load(id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

export const linkResolvers = {
  Link: {
    from: (link: Link, _: unknown, context: GraphQLContext) => end(link.from, context),
    to: (link: Link, _: unknown, context: GraphQLContext) => end(link.to, context),
  },
  Rollup: {
    from: (rollup: { from: string }, _: unknown, context: GraphQLContext) => end(rollup.from, context),
    to: (rollup: { to: string }, _: unknown, context: GraphQLContext) => end(rollup.to, context),
  },
};
