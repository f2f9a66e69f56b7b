/**
 * The redaction every entity and link gets on its way out (domain/access/redact.ts), for this request's
 * caller: the Entity types' field resolvers (model-types.ts), Link.properties and Source's file details read
 * through here, so no route can return an entity unredacted.
 */
import { mayReadPersonal, redactEntity, type EntityView } from '../../domain/access/redact.js';
import type { Entity } from '../../domain/graph.js';
import type { GraphQLContext } from '../context.js';

/** Whether this request's caller sees personal properties (`personal:read`). */
export const personalFor = (context: Pick<GraphQLContext, 'caller'>): boolean => mayReadPersonal(context.caller);

// Views depend only on the entity and the flag; entities are fresh objects per request, so a weak cache
// computes each entity's view once however many of its fields a document selects.
const views = new WeakMap<Entity, { personal: boolean; view: EntityView }>();

/** The entity as this request's caller sees it. */
export function entityView(entity: Entity, context: Pick<GraphQLContext, 'caller'>): EntityView {
  const personal = personalFor(context);
  const cached = views.get(entity);
  if (cached?.personal === personal) return cached.view;
  const view = redactEntity(entity, personal);
  views.set(entity, { personal, view });
  return view;
}
