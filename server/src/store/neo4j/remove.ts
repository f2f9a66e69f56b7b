/**
 * Removal in one write transaction: the driver may retry the whole unit on a transient error, and every
 * statement in it matches by id, so a retry removes nothing more. Ids that route to no kind or type cannot
 * exist and are skipped, as in the embedded adapter.
 */
import type { Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import { invalidArgument } from '../../domain/errors.js';
import { idsIn } from '../arguments.js';
import type { RemoveResult } from '../port.js';
import type { Tx } from './executor.js';
import { kindNameOfId } from './lookup.js';
import { linkTypeOfId } from './mapping.js';

/** Distinct string ids, refusing anything else before a transaction opens. */
export function removalIds(argument: string, ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) throw invalidArgument(argument, 'must be a list of ids');
  return idsIn(argument, ids);
}

function grouped(ids: readonly string[], route: (id: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = route(id);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return groups;
}

export async function removeEntitiesIn(tx: Tx, s: Neo4jStatements, ids: readonly string[]): Promise<RemoveResult> {
  let entities = 0;
  const links = new Set<string>();
  for (const [kind, group] of grouped(ids, kindNameOfId)) {
    for (const row of await tx.run(s.removeEntities(kind), { ids: group })) {
      entities++;
      for (const id of (row['links'] as unknown[] | null) ?? []) if (typeof id === 'string') links.add(id);
    }
  }
  return { entities, links: links.size };
}

export async function removeLinksIn(tx: Tx, s: Neo4jStatements, ids: readonly string[]): Promise<number> {
  let removed = 0;
  for (const [type, group] of grouped(ids, linkTypeOfId))
    removed += (await tx.run(s.removeLinks(type), { ids: group })).length;
  return removed;
}
