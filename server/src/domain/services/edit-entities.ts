/**
 * Hand-made entities: create one, or change some of its properties. Kinds, keys, properties and values are
 * checked and normalised by the model's own preparation (facts/prepare-entity.ts), as for an import.
 */
import { DomainError, invalidArgument, notFound } from '../errors.js';
import { isAbsent } from '../facts/coerce-value.js';
import { describeEntity, prepareEntity } from '../facts/prepare-entity.js';
import type { Entity, EntityWrite, Properties } from '../graph.js';
import {
  callerIn,
  conflict,
  editableEntityIdIn,
  editableKindIn,
  editTime,
  propertiesIn,
  sameValue,
  type EditContext,
} from './edit-arguments.js';
import { quoted, recordEdit } from './edit-record.js';
import type { EntityEdit } from './edit-results.js';
import type { GraphEditor } from './edit-store.js';

/** The entity as stored right after a committed write. */
export async function storedEntity(store: GraphEditor, id: string): Promise<Entity> {
  const [entity] = await store.getEntities([id]);
  if (!entity) throw new DomainError('INTERNAL', `entity ${id} was written but cannot be read back`);
  return entity;
}

export interface CreateEntityArgs {
  readonly kind: string;
  /** The key of a given-key kind (`v-0100` -> `victim:v-0100`); natural-key kinds read their key property. */
  readonly key?: string | null;
  readonly properties: unknown;
}

/** A new entity; CONFLICT when its id exists already (an update is `updateEntity`). */
export async function createEntity(
  store: GraphEditor,
  context: EditContext,
  args: CreateEntityArgs,
): Promise<EntityEdit> {
  const caller = callerIn(context);
  const kind = editableKindIn(args.kind);
  const properties = propertiesIn('properties', args.properties);
  if (args.key !== undefined && args.key !== null && typeof args.key !== 'string') {
    throw invalidArgument('key', `must be a string, got ${JSON.stringify(args.key)}`);
  }
  const key = args.key ?? undefined;
  const input = { kind: kind.name, ...(key !== undefined && { key }), properties };
  const edit = recordEdit({ op: 'createEntity', caller, at: editTime(context), input });
  const { write, flags } = prepareEntity(input, edit.ref);
  if ((await store.getEntities([write.id])).length > 0) {
    throw conflict(`entity already exists: ${write.id} (change it with updateEntity)`, { id: write.id });
  }
  await store.write({ entities: [edit.file(`createEntity ${write.id}`), write], links: [] });
  return { entity: await storedEntity(store, write.id), changed: true, source: edit.ref, flags };
}

export interface UpdateEntityArgs {
  readonly id: string;
  readonly properties: unknown;
}

/**
 * Sets the given properties of an existing entity (others keep their values; null or '' means "not given",
 * so a value cannot be cleared here). The key property may be given only with the value that keys this id.
 * Values equal to the stored ones change nothing and add no record; the record's title keeps each value a
 * change replaced, so what seized data said is not lost from the history.
 */
export async function updateEntity(
  store: GraphEditor,
  context: EditContext,
  args: UpdateEntityArgs,
): Promise<EntityEdit> {
  const caller = callerIn(context);
  const { id, kind } = editableEntityIdIn('id', args.id);
  const given = propertiesIn('properties', args.properties);
  const [current] = await store.getEntities([id]);
  if (!current) throw notFound('entity', id);

  const idKey = id.slice(kind.idPrefix.length + 1);
  const keyProperty = kind.key.from === 'natural' ? kind.key.property : undefined;
  const keyGiven = keyProperty !== undefined && !isAbsent(given[keyProperty]);
  const edit = recordEdit({ op: 'updateEntity', caller, at: editTime(context), input: { id, properties: given } });
  // Prepared as a whole entity, so the model checks every value and re-derives the id from the key: a
  // natural key not given is the stored one.
  const raw =
    keyProperty !== undefined && !keyGiven
      ? { ...given, [keyProperty]: current.properties[keyProperty] ?? idKey }
      : given;
  const prepared = prepareEntity({ kind: kind.name, key: idKey, properties: raw }, edit.ref);
  if (prepared.write.id !== id) {
    throw invalidArgument(
      keyProperty ?? 'key',
      `${kind.name}.${keyProperty} is the key of ${id}: the value given makes ${prepared.write.id} (create that entity instead)`,
    );
  }
  // Only what was given (with what a new key value derives): derived values of the stored key stay as stored.
  const offered = Object.entries(prepared.write.properties).filter(
    ([name]) => keyGiven || (name !== keyProperty && Object.hasOwn(given, name)),
  );
  const changes = offered.filter(([name, value]) => !sameValue(current.properties[name], value));
  const flags = prepared.flags.filter((f) => keyGiven || Object.hasOwn(given, f.field));
  if (changes.length === 0) return { entity: current, changed: false, source: null, flags };

  const properties: Properties = Object.fromEntries(changes);
  const write: EntityWrite = {
    id,
    kind: kind.name,
    properties,
    ...describeEntity(kind, { ...current.properties, ...properties }, idKey),
    source: edit.ref,
  };
  const title = `updateEntity ${id}: ${changes
    .map(([name, value]) => `${name} ${quoted(current.properties[name] ?? null)} -> ${quoted(value)}`)
    .join(', ')}`;
  await store.write({ entities: [edit.file(title), write], links: [] });
  return { entity: await storedEntity(store, id), changed: true, source: edit.ref, flags };
}
