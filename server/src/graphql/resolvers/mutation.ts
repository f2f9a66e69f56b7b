import { createGraphEdits, type GraphEdits } from '../../domain/services/edit-graph.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

/**
 * The request's edits under its caller. An edit changes what the request's entity loader may have cached,
 * so the cache is dropped after each one (mutations run one after another).
 */
async function edit<T>(context: GraphQLContext, work: (edits: GraphEdits) => Promise<T>): Promise<T> {
  try {
    return await work(createGraphEdits(context.store, { caller: context.caller.id }));
  } finally {
    context.entities.clearAll();
  }
}

export const mutationResolvers: Resolvers = {
  Mutation: {
    createEntity: (_, { kind, key, properties }, context) =>
      edit(context, (e) => e.createEntity(kind, properties, { key })),
    updateEntity: (_, { id, properties }, context) => edit(context, (e) => e.updateEntity(id, properties)),
    linkEntities: (_, { type, from, to, properties }, context) =>
      edit(context, (e) => e.linkEntities(type, from, to, properties)),
    removeLink: (_, { id, force }, context) => edit(context, (e) => e.removeLink(id, { force })),
    removeEntity: (_, { id, force }, context) => edit(context, (e) => e.removeEntity(id, { force })),
  },
};
