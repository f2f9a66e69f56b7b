/** Checks of operation options against the port's bounds and the model, shared by the operations. */
import { invalidArgument } from '../../domain/errors.js';
import { investigationKinds, kindOf, model, relationshipOf } from '../../domain/model/index.js';

export function integerIn(argument: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(argument, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The kinds to reach or search: the given ones (each checked), or every investigation kind. */
export function kindsFilter(kinds: readonly string[] | undefined): string[] {
  if (!kinds || kinds.length === 0) return investigationKinds().map((k) => k.name);
  return [...new Set(kinds.map((k) => kindOf(k).name))];
}

/** The relationship types to follow: the given ones (each checked), or all of them. */
export function typesFilter(types: readonly string[] | undefined): string[] {
  if (!types || types.length === 0) return model.relationships.map((r) => r.name);
  return [...new Set(types.map((t) => relationshipOf(t).name))];
}
