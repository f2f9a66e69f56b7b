/**
 * Redaction of personal data for callers without `personal:read` (viewers), derived from the model: every
 * property flagged `personal: true` (a victim's name, e-mail and phone; a person's birth date) is withheld,
 * and the caption is derived again without them (a victim's caption, its name, falls back to the id's key:
 * `v-0001`). Pure: the API applies it where entities and links leave the server (the Entity type's field
 * resolvers), so every route (search, neighbourhood, paths, link ends, provenance, query subgraphs) gets it.
 */
import type { Entity, Link, Properties, PropertyValue } from '../graph.js';
import { describeEntity } from '../facts/prepare-entity.js';
import { model, type KindDef, type RelationshipDef } from '../model/index.js';
import type { Caller } from './caller.js';
import { can } from './caller.js';

/** Whether a caller sees personal properties. No caller (a request that was never authenticated): no. */
export const mayReadPersonal = (caller: Caller | null | undefined): boolean =>
  caller !== null && caller !== undefined && can(caller, 'personal:read');

const personalOf = (owner: KindDef | RelationshipDef): readonly string[] =>
  Object.entries(owner.properties)
    .filter(([, def]) => def.personal === true)
    .map(([name]) => name);

const personalByKind = new Map(model.kinds.map((k) => [k.name, personalOf(k)]));
const personalByType = new Map(model.relationships.map((r) => [r.name, personalOf(r)]));
const kindByName = new Map(model.kinds.map((k) => [k.name, k]));

/** The properties the model marks personal for a kind or a relationship type (none for an unknown one). */
export const personalProperties = (kindOrType: string): readonly string[] =>
  personalByKind.get(kindOrType) ?? personalByType.get(kindOrType) ?? [];

/**
 * Record text that may quote personal values although its property is not itself personal: a hand edit's
 * record (a SourceFile with basis `manual`) has a title saying what changed, with the values it replaced
 * (`updateEntity victim:v-0001: name "..." -> "..."`). It is withheld whole for callers without the right:
 * whether it quotes a personal value cannot be told without parsing it.
 */
const QUOTING_RECORDS: ReadonlyArray<{ kind: string; property: string; when: (p: Properties) => boolean }> = [
  {
    kind: 'SourceFile',
    property: 'title',
    // Hand edits are named `edit by <caller>` (services/edit-record.ts); a transcribed file (also basis
    // manual, loaded by the importer) keeps its title.
    when: (p) => p['basis'] === 'manual' && typeof p['name'] === 'string' && p['name'].startsWith('edit by '),
  },
];

/** The names of the set properties to withhold from a caller without `personal:read`, in model order. */
function withheldOf(kind: string, properties: Properties): string[] {
  const names = personalProperties(kind).filter((name) => isSet(properties[name]));
  for (const rule of QUOTING_RECORDS) {
    if (rule.kind === kind && isSet(properties[rule.property]) && rule.when(properties)) names.push(rule.property);
  }
  return names;
}

const isSet = (value: PropertyValue | undefined): boolean =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

const without = (properties: Properties, names: readonly string[]): Properties =>
  names.length === 0
    ? properties
    : Object.fromEntries(Object.entries(properties).filter(([name]) => !names.includes(name)));

/** What a caller sees of an entity: its visible properties, its caption from them, and what was withheld. */
export interface EntityView {
  readonly properties: Properties;
  readonly caption: string;
  /** Names of the properties that are set but withheld (empty when nothing was), for "withheld" in the UI. */
  readonly withheld: readonly string[];
}

/** The entity as a caller sees it; `personal` is whether the caller holds `personal:read`. */
export function redactEntity(entity: Entity, personal: boolean): EntityView {
  const withheld = personal ? [] : withheldOf(entity.kind, entity.properties);
  const properties = without(entity.properties, withheld);
  const kind = kindByName.get(entity.kind);
  const idKey = kind ? entity.id.slice(kind.idPrefix.length + 1) : entity.id;
  const caption = kind ? describeEntity(kind, properties, idKey).caption : entity.id;
  return { properties, caption, withheld };
}

/** A link's properties as a caller sees them (the model flags none of a relationship's today). */
export function redactLink(link: Link, personal: boolean): { properties: Properties; withheld: readonly string[] } {
  const withheld = personal ? [] : withheldOf(link.type, link.properties);
  return { properties: without(link.properties, withheld), withheld };
}

/** Kinds whose search text folds in personal values: a hit of these may match through them (redact-search.ts). */
export const kindsSearchingPersonal: readonly string[] = model.kinds
  .filter((k) => Object.values(k.properties).some((def) => def.personal === true && def.searchable === true))
  .map((k) => k.name);
