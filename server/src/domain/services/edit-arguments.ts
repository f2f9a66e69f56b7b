/**
 * Argument checks of the edit services: each refusal is INVALID_ARGUMENT naming the argument. Kinds, types,
 * properties and values are checked by the model's own preparation (facts/prepare-*.ts), not here.
 */
import { DomainError, invalidArgument } from '../errors.js';
import type { PropertyValue } from '../graph.js';
import { kindOf, kindOfId, relationshipOf, type KindDef } from '../model/index.js';
import { entityIdIn } from './arguments.js';

/** Who edits and when; the caller comes from the request (graphql/caller.ts), the clock is for tests. */
export interface EditContext {
  readonly caller: string;
  readonly now?: () => Date;
}

export function callerIn(context: EditContext): string {
  if (typeof context?.caller !== 'string' || context.caller.trim() === '') {
    throw new DomainError('UNAUTHENTICATED', 'an edit needs a caller');
  }
  return context.caller;
}

export const editTime = (context: EditContext): string => (context.now ?? (() => new Date()))().toISOString();

/** System kinds (SourceFile) are written by the server as provenance, never edited by hand. */
function editable(argument: string, kind: KindDef): KindDef {
  if (kind.system) {
    throw invalidArgument(argument, `${kind.name} is a system kind: the server records sources, they are not edited`);
  }
  return kind;
}

export const editableKindIn = (kind: string): KindDef => editable('kind', kindOf(kind));

/** A well-formed entity id of an editable kind. */
export function editableEntityIdIn(argument: string, id: string): { id: string; kind: KindDef } {
  entityIdIn(argument, id);
  return { id, kind: editable(argument, kindOfId(id)) };
}

/** `link:<TYPE>:<hash>` of a type the model declares. */
export function linkIdIn(argument: string, id: string): string {
  const type = typeof id === 'string' ? /^link:([A-Za-z][A-Za-z0-9_]*):[^:\s]+$/.exec(id)?.[1] : undefined;
  if (type === undefined)
    throw invalidArgument(argument, `"${String(id)}" is not a link id (expected link:<TYPE>:<hash>)`);
  try {
    relationshipOf(type);
  } catch {
    throw invalidArgument(argument, `"${id}" names no relationship type of the model`);
  }
  return id;
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Every string of an edit's arguments (keys of maps too) is well-formed Unicode. JSON escapes let a client
 * send a lone surrogate (`"\ud800"`); the engine would store it replaced by U+FFFD, under another id than
 * the one the edit computed, so the edit would write and then fail to read back what it wrote.
 */
export function wellFormedIn(args: object): void {
  const check = (argument: string, value: unknown): void => {
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) throw invalidArgument(argument, 'is not well-formed Unicode (a lone surrogate)');
    } else if (Array.isArray(value)) value.forEach((v) => check(argument, v));
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        check(argument, key);
        check(argument, v);
      }
    }
  };
  for (const [argument, value] of Object.entries(args)) check(argument, value);
}

/** The properties argument: a JSON object (values are checked against the model later). */
export function propertiesIn(argument: string, value: unknown): Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgument(
      argument,
      `must be an object of property values, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Stored and prepared values compare equal when the model's normalisers made them the same. */
export function sameValue(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export const conflict = (message: string, details: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, { details });
