import type { Entity } from '../domain/graph.js';
import { kindOf } from '../domain/model/index.js';

/**
 * The caption as the domain derives it when writing (caption property, else the id's key).
 * The port's Entity does not carry the stored caption yet, so it is derived again here.
 */
export function caption(entity: Entity): string {
  const kind = kindOf(entity.kind);
  const value = entity.properties[kind.display.caption];
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && value.length > 0) return value.join(', ');
  return entity.id.slice(kind.idPrefix.length + 1);
}
