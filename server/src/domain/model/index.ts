import { invalidArgument } from '../errors.js';
import { kinds, type KindName } from './kinds.js';
import { relationships, type RelationshipName } from './relationships.js';
import type { KindDef, Model, PropertyDef, RelationshipDef } from './types.js';

export type { KindDef, Model, PropertyDef, PropertyType, RelationshipDef, DisplayHints } from './types.js';
export type { KindName, RelationshipName };

/** The one model of Ringtrace. */
export const model: Model = { kinds, relationships };

/** Properties every entity carries besides its kind's own. */
export const ENTITY_SYSTEM_PROPERTIES = {
  id: { type: 'string', description: 'Stable id derived from the natural key' },
  caption: { type: 'string', description: 'Display caption' },
  searchText: { type: 'string', description: 'Folded text for full-text search' },
  sources: { type: 'string[]', description: 'Provenance: `<sha256>#<locator>` of every record that asserted it' },
} as const satisfies Record<string, PropertyDef>;

/** Properties every link carries besides its type's own. */
export const LINK_SYSTEM_PROPERTIES = {
  id: { type: 'string', description: 'Stable id derived from type, endpoints and event key' },
  sources: { type: 'string[]', description: 'Provenance: `<sha256>#<locator>` of every record that asserted it' },
} as const satisfies Record<string, PropertyDef>;

const kindsByName = new Map<string, KindDef>(model.kinds.map((k) => [k.name, k]));
const kindsByPrefix = new Map<string, KindDef>(model.kinds.map((k) => [k.idPrefix, k]));
const relsByName = new Map<string, RelationshipDef>(model.relationships.map((r) => [r.name, r]));

export const investigationKinds = (): KindDef[] => model.kinds.filter((k) => !k.system);

export function isKindName(name: string): name is KindName {
  return kindsByName.has(name);
}

export function isRelationshipName(name: string): name is RelationshipName {
  return relsByName.has(name);
}

/** The kind by name; an unknown kind is refused with a message naming it. */
export function kindOf(name: string): KindDef {
  const kind = kindsByName.get(name);
  if (!kind) throw invalidArgument('kind', `unknown kind "${name}" (known: ${[...kindsByName.keys()].join(', ')})`);
  return kind;
}

export function relationshipOf(name: string): RelationshipDef {
  const rel = relsByName.get(name);
  if (!rel)
    throw invalidArgument('type', `unknown relationship type "${name}" (known: ${[...relsByName.keys()].join(', ')})`);
  return rel;
}

/** The kind an id belongs to, from its prefix (`phone:+7...` -> PhoneNumber). */
export function kindOfId(id: string): KindDef {
  const colon = id.indexOf(':');
  const kind = colon > 0 ? kindsByPrefix.get(id.slice(0, colon)) : undefined;
  if (!kind) throw invalidArgument('id', `"${id}" is not an entity id (expected <prefix>:<key> with a known prefix)`);
  return kind;
}

/** Refuses a link whose endpoints the model does not allow for its type. */
export function assertEndpointsAllowed(type: string, fromKind: string, toKind: string): RelationshipDef {
  const rel = relationshipOf(type);
  if (!rel.endpoints.some(([f, t]) => f === fromKind && t === toKind)) {
    const allowed = rel.endpoints.map(([f, t]) => `${f}->${t}`).join(', ');
    throw invalidArgument('link', `${type} cannot link ${fromKind} to ${toKind} (allowed: ${allowed})`);
  }
  return rel;
}

/** The property definition of a kind or relationship, refusing one the model does not declare. */
export function propertyOf(owner: KindDef | RelationshipDef, property: string): PropertyDef {
  // Own properties only: a plain-object lookup would take `constructor` or `toString` for declared properties.
  const def = Object.hasOwn(owner.properties, property) ? owner.properties[property] : undefined;
  if (!def) {
    throw invalidArgument(
      'property',
      `${owner.name} has no property "${property}" (known: ${Object.keys(owner.properties).join(', ') || 'none'})`,
    );
  }
  return def;
}
