import type { KindName } from '../../domain/model/index.js';
import { getEntitiesByIds, getEntity } from '../../domain/services/read-graph.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const entityResolvers: Resolvers = {
  Query: {
    entity: (_, { id }, { store }) => getEntity(store, id),
    entities: (_, { ids }, { store }) => getEntitiesByIds(store, ids),
  },
  Entity: {
    // Each kind is its own GraphQL type, named as in the model (model-types.ts); caption is resolved there.
    __resolveType: (entity) => entity.kind as KindName,
  },
};
