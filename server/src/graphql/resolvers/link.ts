import { invalidArgument, notFound } from '../../domain/errors.js';
import type { Entity, Link } from '../../domain/graph.js';
import { redactLink } from '../../domain/access/redact.js';
import { BOUNDS } from '../../domain/services/arguments.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { personalFor } from './redaction.js';

/** A link's end through the request's loader: the ends of many links are fetched in one store call. */
async function end(id: string, { entities }: GraphQLContext): Promise<Entity> {
  const entity = await entities.load(id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

/** Links in the order asked, null where an id names none (unknown or malformed: the store skips those). */
async function linksByIds(ids: readonly string[], { store }: GraphQLContext): Promise<Array<Link | null>> {
  const max = BOUNDS.limit.max;
  if (ids.length > max) throw invalidArgument('ids', `${ids.length} ids given (allowed 0 to ${max})`);
  const found = new Map((await store.getLinks(ids)).map((l) => [l.id, l]));
  return ids.map((id) => found.get(id) ?? null);
}

export const linkResolvers: Resolvers = {
  Query: {
    links: (_, { ids }, context) => linksByIds(ids, context),
  },
  Link: {
    from: (link, _, context) => end(link.from, context),
    to: (link, _, context) => end(link.to, context),
    // No relationship property is personal today; the model decides, so a flag added there holds here.
    properties: (link, _, context) => redactLink(link, personalFor(context)).properties,
  },
  Rollup: {
    from: (rollup, _, context) => end(rollup.from, context),
    to: (rollup, _, context) => end(rollup.to, context),
  },
};
