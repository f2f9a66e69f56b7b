import { invalidArgument } from '../errors.js';
import type { EntityWrite, PropertyValue, SourceRef } from '../graph.js';
import { entityId } from '../ids.js';
import { kindOf, type KindDef } from '../model/index.js';
import { assertSourceRef } from '../provenance.js';
import { coerceProperties, isAbsent, type PrepareContext } from './coerce-value.js';
import type { Flag } from './flag.js';
import { naturalKey } from './natural-key.js';

export type { PrepareContext };

export interface RawEntity {
  kind: string;
  /** The given key of a given-key kind (a staff number, a slug); natural-key kinds read their key property. */
  key?: string;
  properties: Readonly<Record<string, unknown>>;
}

/** The raw natural key: the key property, or `key` when the property is not given. */
function rawNaturalKey(kind: KindDef, raw: RawEntity, property: string): string {
  const value = raw.properties?.[property];
  const given = isAbsent(value) ? raw.key : value;
  if (isAbsent(given)) throw invalidArgument(property, `${kind.name} needs "${property}": it is the key`);
  if (typeof given === 'string') return given;
  if (typeof given === 'number' && Number.isFinite(given)) return String(given);
  throw invalidArgument(property, `${kind.name}.${property} expects string, got ${JSON.stringify(given)}`);
}

function searchValues(kind: KindDef, properties: Readonly<Record<string, PropertyValue>>): string[] {
  const values: string[] = [];
  for (const [name, def] of Object.entries(kind.properties)) {
    const value = properties[name];
    if (!def.searchable || value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) values.push(String(v));
  }
  return values;
}

/**
 * The caption (the kind's caption property, else the id's key) and the search text (searchable values and
 * the id's key) of an entity with these properties. An edit that changes some properties recomputes them
 * from all of them.
 */
export function describeEntity(
  kind: KindDef,
  properties: Readonly<Record<string, PropertyValue>>,
  idKey: string,
): { caption: string; searchText: string } {
  const captionValue = properties[kind.display.caption];
  const caption =
    typeof captionValue === 'string' && captionValue !== ''
      ? captionValue
      : Array.isArray(captionValue) && captionValue.length > 0
        ? captionValue.join(', ')
        : idKey;
  const searchText = [...new Set([...searchValues(kind, properties), idKey])].join(' ');
  return { caption, searchText };
}

/**
 * A raw entity checked against the model and made ready to write: properties coerced to their types,
 * the id from the natural key (normalised) or the given key (slugged), caption and search text derived.
 * Values that do not normalise are kept and flagged; anything the model does not know is refused.
 */
export function prepareEntity(
  raw: RawEntity,
  source: SourceRef,
  context: PrepareContext = {},
): { write: EntityWrite; flags: Flag[] } {
  const kind = kindOf(raw.kind);
  assertSourceRef(source);
  const keyProperty = kind.key.from === 'natural' ? kind.key.property : undefined;
  const { properties, flags } = coerceProperties(kind, raw.properties ?? {}, context, keyProperty ? [keyProperty] : []);
  let id: string;
  if (keyProperty) {
    const natural = naturalKey(kind, rawNaturalKey(kind, raw, keyProperty), context);
    Object.assign(properties, natural.properties);
    flags.unshift(...natural.flags);
    id = `${kind.idPrefix}:${natural.key}`;
  } else {
    if (typeof raw.key !== 'string' || raw.key.trim() === '') {
      throw invalidArgument('key', `${kind.name} needs a key (a given id such as a staff number or a slug)`);
    }
    id = entityId(kind.name, raw.key);
  }
  const { caption, searchText } = describeEntity(kind, properties, id.slice(kind.idPrefix.length + 1));
  return { write: { id, kind: kind.name, properties, caption, searchText, source }, flags };
}
