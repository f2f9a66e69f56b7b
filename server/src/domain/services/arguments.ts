/**
 * Argument checks shared by the read services. Every refusal is INVALID_ARGUMENT naming the argument
 * and, for a number, the allowed range; ids that do not exist are NOT_FOUND naming the id.
 */
import { invalidArgument, notFound } from '../errors.js';
import type { Entity } from '../graph.js';
import { kindOfId, model } from '../model/index.js';
import type { GraphReader } from './graph-reader.js';

/** The bounds of the API's arguments, in one place so the SDL descriptions and the checks agree. */
export const BOUNDS = {
  depth: { min: 1, max: 3 },
  limit: { min: 1, max: 500 },
  maxHops: { min: 1, max: 10 },
  first: { min: 1, max: 100 },
  seeds: { min: 1, max: 50 },
  networkSeeds: { min: 2, max: 10 },
} as const;

export function integerIn(argument: string, value: number, bound: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < bound.min || value > bound.max) {
    throw invalidArgument(argument, `${String(value)} is out of range (allowed ${bound.min} to ${bound.max})`);
  }
  return value;
}

/** Investigation kinds by name; an unknown or system kind is refused naming it. */
export function kindsIn(argument: string, names: readonly string[] | null | undefined): string[] | undefined {
  if (!names || names.length === 0) return undefined;
  return [...new Set(names)].map((name) => {
    const kind = model.kinds.find((k) => k.name === name);
    if (!kind || kind.system) {
      const known = model.kinds.filter((k) => !k.system).map((k) => k.name);
      throw invalidArgument(argument, `unknown kind "${name}" (known: ${known.join(', ')})`);
    }
    return kind.name;
  });
}

export function linkTypesIn(argument: string, names: readonly string[] | null | undefined): string[] | undefined {
  if (!names || names.length === 0) return undefined;
  return [...new Set(names)].map((name) => {
    if (!model.relationships.some((r) => r.name === name)) {
      const known = model.relationships.map((r) => r.name);
      throw invalidArgument(argument, `unknown link type "${name}" (known: ${known.join(', ')})`);
    }
    return name;
  });
}

/** A list of entity ids: within its bound, each well formed, duplicates dropped. */
export function idsIn(argument: string, ids: readonly string[], bound: { min: number; max: number }): string[] {
  const unique = [...new Set(ids)];
  if (unique.length < bound.min || unique.length > bound.max) {
    throw invalidArgument(argument, `${unique.length} ids given (allowed ${bound.min} to ${bound.max})`);
  }
  for (const id of unique) entityIdIn(argument, id);
  return unique;
}

export function entityIdIn(argument: string, id: string): string {
  try {
    kindOfId(id);
  } catch {
    throw invalidArgument(argument, `"${id}" is not an entity id (expected <prefix>:<key> with a known prefix)`);
  }
  return id;
}

/** The entities, in the order asked; the first id that does not exist is NOT_FOUND. */
export async function existingEntities(store: GraphReader, ids: readonly string[]): Promise<Entity[]> {
  const found = new Map((await store.getEntities(ids)).map((e) => [e.id, e]));
  return ids.map((id) => {
    const entity = found.get(id);
    if (!entity) throw notFound('entity', id);
    return entity;
  });
}
