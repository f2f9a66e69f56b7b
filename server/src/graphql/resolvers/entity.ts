import { notFound } from '../../domain/errors.js';
import type { Entity } from '../../domain/graph.js';
import { kindOf, kindOfId } from '../../domain/model/index.js';
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
    async entity(_parent: unknown, { id }: { id: string }, { store }: GraphQLContext): Promise<Entity> {
      kindOfId(id); // a malformed id is refused with INVALID_ARGUMENT naming it, before the store is asked
      const [entity] = await store.getEntities([id]);
      if (!entity) throw notFound('entity', id);
      return entity;
    },
  },
  Entity: { caption },
};
