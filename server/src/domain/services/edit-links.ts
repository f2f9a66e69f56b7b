/**
 * Hand-made links. Type, endpoint kinds, properties and values are checked by the model's own preparation
 * (facts/prepare-link.ts), which also gives the link its stable id: linking the same two entities again
 * (with the same event key) is the same link.
 */
import { DomainError, invalidArgument, notFound } from '../errors.js';
import { prepareLinkWithFlags } from '../facts/prepare-link.js';
import type { Link } from '../graph.js';
import { relationshipOf, type KindDef, type RelationshipDef } from '../model/index.js';
import {
  callerIn,
  conflict,
  editableEntityIdIn,
  editTime,
  propertiesIn,
  sameValue,
  type EditContext,
} from './edit-arguments.js';
import { quoted, recordEdit } from './edit-record.js';
import type { LinkEdit } from './edit-results.js';
import type { GraphEditor } from './edit-store.js';

async function storedLink(store: GraphEditor, id: string): Promise<Link> {
  const [link] = await store.getLinks([id]);
  if (!link) throw new DomainError('INTERNAL', `link ${id} was written but cannot be read back`);
  return link;
}

/** Names the end that no pair of the type allows; a pair of allowed ends the type does not join is prepareLink's. */
function endIn(argument: 'from' | 'to', rel: RelationshipDef, kind: KindDef) {
  const end = argument === 'from' ? 0 : 1;
  if (!rel.endpoints.some((pair) => pair[end] === kind.name)) {
    const allowed = rel.endpoints.map(([f, t]) => `${f}->${t}`).join(', ');
    const verb = argument === 'from' ? 'start at' : 'end at';
    throw invalidArgument(argument, `${rel.name} cannot ${verb} ${kind.name} (allowed: ${allowed})`);
  }
}

export interface LinkEntitiesArgs {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties?: unknown;
}

/**
 * Links two existing entities. When the link exists already, values it holds are never changed (CONFLICT
 * naming the property: remove the link first to replace it); values it lacks are added with this edit as a
 * new source; nothing new changes nothing (no record).
 */
export async function linkEntities(
  store: GraphEditor,
  context: EditContext,
  args: LinkEntitiesArgs,
): Promise<LinkEdit> {
  const caller = callerIn(context);
  const rel = relationshipOf(args.type);
  const from = editableEntityIdIn('from', args.from);
  const to = editableEntityIdIn('to', args.to);
  endIn('from', rel, from.kind);
  endIn('to', rel, to.kind);
  const properties = propertiesIn('properties', args.properties ?? {});
  const input = { type: rel.name, from: from.id, to: to.id, properties };
  const edit = recordEdit({ op: 'linkEntities', caller, at: editTime(context), input });
  const { write, flags } = prepareLinkWithFlags(input, edit.ref);

  const found = new Set((await store.getEntities([from.id, to.id])).map((e) => e.id));
  for (const id of [from.id, to.id]) if (!found.has(id)) throw notFound('entity', id);

  const [existing] = await store.getLinks([write.id]);
  let title = `linkEntities ${write.id}: ${rel.name} ${from.id} -> ${to.id}`;
  let linkWrite = write;
  if (existing) {
    const offered = Object.entries(write.properties);
    const differs = offered.find(
      ([name, v]) => existing.properties[name] !== undefined && !sameValue(existing.properties[name], v),
    );
    if (differs) {
      const [name, value] = differs;
      throw conflict(
        `link ${write.id} already exists with ${name} ${quoted(existing.properties[name])}, not ${quoted(value)} ` +
          '(linkEntities never changes a stored value: remove the link first to replace it)',
        { id: write.id, property: name },
      );
    }
    const added = offered.filter(([name]) => existing.properties[name] === undefined);
    if (added.length === 0) return { link: existing, changed: false, source: null, flags };
    linkWrite = { ...write, properties: Object.fromEntries(added) };
    title += `: adds ${added.map(([name, value]) => `${name} ${quoted(value)}`).join(', ')}`;
  }
  await store.write({ entities: [edit.file(title)], links: [linkWrite] });
  return { link: await storedLink(store, write.id), changed: true, source: edit.ref, flags };
}
