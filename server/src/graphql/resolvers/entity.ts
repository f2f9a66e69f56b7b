import type { Entity, SourceRef } from '../../domain/graph.js';
import { kindOf } from '../../domain/model/index.js';
import { getEntitiesByIds, getEntity } from '../../domain/services/read-graph.js';
import type { GraphQLContext } from '../context.js';

/**
 * The caption as the domain derives it when writing (caption property, else the id's key).
 * The port's Entity does not carry the stored caption yet, so it is derived again here.
 */
function caption(entity: Entity): string {
  const kind = kindOf(entity.kind);
  const value = entity.properties[kind.display.caption];
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && value.length > 0) return value.join(', ');
  return entity.id.slice(kind.idPrefix.length + 1);
}

export const entityResolvers = {
  Query: {
    entity: (_: unknown, { id }: { id: string }, { store }: GraphQLContext) => getEntity(store, id),
    entities: (_: unknown, { ids }: { ids: readonly string[] }, { store }: GraphQLContext) =>
      getEntitiesByIds(store, ids),
  },
  Entity: {
    // Each kind is its own GraphQL type, named as in the model.
    __resolveType: (entity: Entity) => entity.kind,
    caption,
    sources: (entity: Entity): readonly SourceRef[] => entity.sources,
  },
};
