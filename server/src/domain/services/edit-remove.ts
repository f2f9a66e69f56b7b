/**
 * Removing hand-made mistakes: a link, or an entity with every link it has. Evidence is never removed
 * silently (edit-evidence.ts): without `force`, a fact asserted by a seized, reported, synthetic or unknown
 * file is refused with CONFLICT naming them. Every removal is recorded first, as a source of its own whose
 * title says what was removed and over which evidence: the record of an attempt that then fails is kept
 * rather than risk a removal nobody recorded.
 */
import { notFound } from '../errors.js';
import type { Link } from '../graph.js';
import { callerIn, conflict, editableEntityIdIn, editTime, linkIdIn, type EditContext } from './edit-arguments.js';
import { describeEvidence, evidenceAmong, refusedOverEvidence, type EvidenceSource } from './edit-evidence.js';
import { recordEdit } from './edit-record.js';
import type { Removal } from './edit-results.js';
import type { GraphEditor } from './edit-store.js';

/** Most neighbours and links of an entity checked for evidence before it is removed; beyond, only with force. */
export const EVIDENCE_CHECK_LIMIT = 10_000;

export interface RemoveArgs {
  readonly id: string;
  /** Remove even what evidence asserts. */
  readonly force?: boolean | null;
}

const overriding = (evidence: readonly EvidenceSource[]) =>
  evidence.length > 0 ? `; forced over evidence: ${describeEvidence(evidence)}` : '';

export async function removeLink(store: GraphEditor, context: EditContext, args: RemoveArgs): Promise<Removal> {
  const caller = callerIn(context);
  const id = linkIdIn('id', args.id);
  const force = args.force === true;
  const [link] = await store.getLinks([id]);
  if (!link) throw notFound('link', id);
  const evidence = await evidenceAmong(store, link.sources);
  if (evidence.length > 0 && !force) throw refusedOverEvidence(id, '', evidence);

  const edit = recordEdit({ op: 'removeLink', caller, at: editTime(context), input: { id, force } });
  const title = `removeLink ${id}: ${link.type} ${link.from} -> ${link.to}${overriding(evidence)}`;
  await store.write({ entities: [edit.file(title)], links: [] });
  const links = await store.removeLinks([id]);
  return { id, entities: 0, links, overridden: evidence.map((e) => e.ref), source: edit.ref };
}

/** Every link of the entity, or CONFLICT when there are too many to check (unless forced). */
async function linksOf(store: GraphEditor, id: string, force: boolean): Promise<Link[]> {
  const around = await store.expand({
    seeds: [id],
    depth: 1,
    limit: EVIDENCE_CHECK_LIMIT,
    linkLimit: EVIDENCE_CHECK_LIMIT,
  });
  if ((around.truncated || around.truncatedLinks) && !force) {
    throw conflict(
      `${id} has more than ${EVIDENCE_CHECK_LIMIT} neighbours or links, too many to check for evidence; ` +
        'pass force: true to remove it anyway',
      { id },
    );
  }
  return around.links.filter((l) => l.from === id || l.to === id);
}

export async function removeEntity(store: GraphEditor, context: EditContext, args: RemoveArgs): Promise<Removal> {
  const caller = callerIn(context);
  const { id } = editableEntityIdIn('id', args.id);
  const force = args.force === true;
  const [entity] = await store.getEntities([id]);
  if (!entity) throw notFound('entity', id);
  const links = await linksOf(store, id, force);
  const evidence = await evidenceAmong(store, [...entity.sources, ...links.flatMap((l) => l.sources)]);
  if (evidence.length > 0 && !force) {
    throw refusedOverEvidence(id, links.length > 0 ? ` (itself or its ${links.length} links)` : '', evidence);
  }

  const edit = recordEdit({ op: 'removeEntity', caller, at: editTime(context), input: { id, force } });
  const title = `removeEntity ${id} with ${links.length} links${overriding(evidence)}`;
  await store.write({ entities: [edit.file(title)], links: [] });
  const removed = await store.removeEntities([id]);
  return { id, ...removed, overridden: evidence.map((e) => e.ref), source: edit.ref };
}
