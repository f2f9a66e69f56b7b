/**
 * Rows from Neo4j (already converted to plain values by the executor) into port shapes. The kind comes from
 * the id's prefix, the link type from the link id; only the model's own properties are returned, and the
 * system properties (id, caption, searchText, sources) are not repeated in `properties`.
 */
import { DomainError } from '../../domain/errors.js';
import type { Entity, Link, PropertyValue } from '../../domain/graph.js';
import { kindOfId, relationshipOf, type KindDef, type RelationshipDef } from '../../domain/model/index.js';
import { parseSourceRef } from '../../domain/provenance.js';

type Stored = Readonly<Record<string, unknown>>;

function ownProperties(owner: KindDef | RelationshipDef, stored: Stored): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const name of Object.keys(owner.properties)) {
    const value = stored[name];
    if (value !== null && value !== undefined) out[name] = value as PropertyValue;
  }
  return out;
}

function sourcesOf(stored: Stored) {
  const sources = stored['sources'];
  return Array.isArray(sources) ? sources.map((s) => parseSourceRef(String(s))) : [];
}

function storedId(stored: Stored, what: string): string {
  const id = stored['id'];
  if (typeof id !== 'string') throw new DomainError('INTERNAL', `a stored ${what} has no id`);
  return id;
}

/** An entity from its stored properties (`properties(n)`). */
export function entityFromStored(stored: Stored): Entity {
  const id = storedId(stored, 'entity');
  const kind = kindOfId(id);
  return { id, kind: kind.name, properties: ownProperties(kind, stored), sources: sourcesOf(stored) };
}

/** The relationship type a link id names: `link:<TYPE>:<hash>`; undefined when it names none of the model's. */
export function linkTypeOfId(id: string): string | undefined {
  const match = /^link:([A-Za-z][A-Za-z0-9_]*):/.exec(id);
  if (!match?.[1]) return undefined;
  try {
    return relationshipOf(match[1]).name;
  } catch {
    return undefined;
  }
}

/** A link from its stored properties (`properties(r)`) and its endpoints' ids. */
export function linkFromStored(type: string, stored: Stored, from: unknown, to: unknown): Link {
  const rel = relationshipOf(type);
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw new DomainError('INTERNAL', `a stored ${type} link has an endpoint without an id`);
  }
  return {
    id: storedId(stored, 'link'),
    type: rel.name,
    from,
    to,
    properties: ownProperties(rel, stored),
    sources: sourcesOf(stored),
  };
}
