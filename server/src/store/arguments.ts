/**
 * Checks of operation options against the port's bounds and the model, shared by every adapter so that
 * both engines refuse the same requests in the same words. Engine-free: adapters import it, it imports
 * only the domain.
 */
import { invalidArgument } from '../domain/errors.js';
import type { SourceRef } from '../domain/graph.js';
import { investigationKinds, kindOf, model, relationshipOf } from '../domain/model/index.js';

export function integerIn(argument: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(argument, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Kinds to search or reach: the given ones (each checked, none a system kind) or every investigation kind. */
export function investigationKindsIn(argument: string, kinds: readonly string[] | undefined): string[] {
  if (kinds !== undefined && !Array.isArray(kinds)) throw invalidArgument(argument, 'must be a list of kind names');
  if (!kinds || kinds.length === 0) return investigationKinds().map((k) => k.name);
  return [...new Set(kinds)].map((name) => {
    const kind = kindOf(name);
    if (kind.system) throw invalidArgument(argument, `${name} is a system kind, not part of the investigation graph`);
    return kind.name;
  });
}

/** Relationship types to follow: the given ones (each checked), or all of them. */
export function typesIn(types: readonly string[] | undefined): string[] {
  if (types !== undefined && !Array.isArray(types)) {
    throw invalidArgument('linkTypes', 'must be a list of relationship types');
  }
  if (!types || types.length === 0) return model.relationships.map((r) => r.name);
  return [...new Set(types.map((t) => relationshipOf(t).name))];
}

/** Entity ids given by the caller: strings, each once. */
export function idsIn(argument: string, ids: readonly unknown[]): string[] {
  for (const id of ids) {
    if (typeof id !== 'string') throw invalidArgument(argument, `ids must be strings, got ${JSON.stringify(id)}`);
  }
  return [...new Set(ids as string[])];
}

const SHA256 = /^[0-9a-f]{64}$/;
const LOCATOR = /^[^\s,#]+$/;

/** `<sha256>#<locator>`, refusing a source the store could not keep faithfully in that form. */
export function sourceIn(where: string, ref: SourceRef | undefined): string {
  if (!ref || typeof ref.sha256 !== 'string' || !SHA256.test(ref.sha256)) {
    throw invalidArgument(
      where,
      `source needs a sha256 of 64 lower-case hex digits, got ${JSON.stringify(ref?.sha256)}`,
    );
  }
  if (typeof ref.locator !== 'string' || !LOCATOR.test(ref.locator)) {
    throw invalidArgument(
      where,
      `source locator must be non-empty without spaces, commas or '#', got ${JSON.stringify(ref.locator)}`,
    );
  }
  return `${ref.sha256}#${ref.locator}`;
}
