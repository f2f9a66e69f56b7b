import { invalidArgument } from './errors.js';
import type { Flag } from './facts/flag.js';
import { naturalKey, type NaturalKeyContext } from './facts/natural-key.js';
import { kindOf, relationshipOf } from './model/index.js';
import { sha256Hex } from './provenance.js';

export type { Flag };

/** A given key as it appears in ids: trimmed, lower-cased, inner whitespace as '-' (`Moscow 1` -> `moscow-1`). */
export function slugKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, '-');
}

/**
 * `<prefix>:<key>` of a kind. Given keys are slugged; natural keys are taken as already normalised
 * (use entityIdFor to normalise a raw one).
 */
export function entityId(kindName: string, key: string): string {
  const kind = kindOf(kindName);
  const k = kind.key.from === 'given' ? slugKey(key) : key.trim();
  if (k === '') throw invalidArgument('key', `empty key for ${kind.name}`);
  return `${kind.idPrefix}:${k}`;
}

/**
 * The id of an entity from its raw key, applying the kind's natural-key normaliser: `phone:+E164`,
 * `wallet:<chain>:<canonical>`, `country:DE`, `source:<sha256>`; what does not normalise gets an
 * `invalid:` key and a flag. Given-key kinds are slugged.
 */
export function entityIdFor(
  kindName: string,
  rawKey: string,
  context: NaturalKeyContext = {},
): { id: string; flags: Flag[] } {
  const kind = kindOf(kindName);
  if (kind.key.from === 'given') return { id: entityId(kind.name, rawKey), flags: [] };
  const { key, flags } = naturalKey(kind, rawKey, context);
  return { id: `${kind.idPrefix}:${key}`, flags };
}

/**
 * `link:<TYPE>:<16 hex>`: the first 16 hex digits of sha256("<from>|<to>"), with "|" and the event's
 * key property values appended for event types. The type stays readable so an adapter can route a
 * lookup to one relationship table.
 */
export function linkId(type: string, from: string, to: string, eventKey?: readonly string[]): string {
  const rel = relationshipOf(type);
  const basis = eventKey === undefined ? `${from}|${to}` : `${from}|${to}|${eventKey.join('|')}`;
  return `link:${rel.name}:${sha256Hex(basis).slice(0, 16)}`;
}
