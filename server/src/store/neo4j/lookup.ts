/** Lookups by id inside a transaction: entities, links and (for traversals) element ids. */
import type { Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import type { Entity, Link } from '../../domain/graph.js';
import { kindOfId } from '../../domain/model/index.js';
import type { Tx } from './executor.js';
import { entityFromStored, linkFromStored, linkTypeOfId } from './mapping.js';

/** Distinct ids grouped by what they route to; ids that route nowhere are left out (they cannot exist). */
function groupBy(ids: readonly string[], route: (id: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const key = typeof id === 'string' ? route(id) : undefined;
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  }
  return groups;
}

export function kindNameOfId(id: string): string | undefined {
  try {
    return kindOfId(id).name;
  } catch {
    return undefined;
  }
}

/** Entities found, in the order of the first request of each id; missing ids are left out. */
export async function getEntitiesIn(tx: Tx, s: Neo4jStatements, ids: readonly string[]): Promise<Entity[]> {
  const found = new Map<string, Entity>();
  for (const [kind, group] of groupBy(ids, kindNameOfId)) {
    for (const row of await tx.run(s.getEntities(kind), { ids: group })) {
      const entity = entityFromStored(row['properties'] as Record<string, unknown>);
      found.set(entity.id, entity);
    }
  }
  return [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
}

/** Links found, in the order of the first request of each id; missing ids are left out. */
export async function getLinksIn(tx: Tx, s: Neo4jStatements, ids: readonly string[]): Promise<Link[]> {
  const found = new Map<string, Link>();
  for (const [type, group] of groupBy(ids, linkTypeOfId)) {
    for (const row of await tx.run(s.getLinks(type), { ids: group })) {
      const link = linkFromStored(type, row['properties'] as Record<string, unknown>, row['from'], row['to']);
      found.set(link.id, link);
    }
  }
  return [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
}

/** Element ids of the entities that exist, by our id. They never leave the adapter or the transaction. */
export async function refsIn(tx: Tx, s: Neo4jStatements, ids: readonly string[]): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  for (const [kind, group] of groupBy(ids, kindNameOfId)) {
    for (const row of await tx.run(s.entityRefs(kind), { ids: group })) refs.set(String(row['id']), String(row['ref']));
  }
  return refs;
}
