/**
 * Removal in one transaction on the writer connection. Entities: a primary-key lookup each, the ids of
 * their links (adjacency lists of the types touching the kind), then DETACH DELETE. Links: rel tables have
 * no index on id, so each type's table is joined with the ids once to find the endpoints, then each link
 * is deleted from its endpoints (two primary-key lookups). Hand edits remove a few facts at a time.
 */
import type { KuzuStatements } from '@ringtrace/cypher/kuzu/index.js';
import { invalidArgument } from '../../domain/errors.js';
import { idsIn } from '../arguments.js';
import type { RemoveResult } from '../port.js';
import { kindNameOfId, linkTypeOfId } from './reads.js';
import { inTransaction, type Run } from './transaction.js';

export interface RemoveContext {
  readonly statements: KuzuStatements;
  /** Estimated rows per table (see write-batch.ts): shrunk by what a committed removal took. */
  readonly sizes: Map<string, number>;
}

/** Distinct string ids, refusing anything else before a transaction opens. */
export function removalIds(argument: string, ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) throw invalidArgument(argument, 'must be a list of ids');
  return idsIn(argument, ids);
}

function shrink(sizes: Map<string, number>, table: string | undefined, n = 1) {
  if (table !== undefined) sizes.set(table, Math.max(0, (sizes.get(table) ?? 0) - n));
}

export async function removeEntitiesIn(ctx: RemoveContext, run: Run, ids: readonly string[]): Promise<RemoveResult> {
  const removed: string[] = [];
  const links = new Set<string>();
  await inTransaction(run, async () => {
    for (const id of ids) {
      const kind = kindNameOfId(id);
      if (kind === undefined) continue; // routes to no table: cannot exist
      const st = ctx.statements.entities.get(kind)!;
      if ((await run(st.exists, { id })).length === 0) continue;
      const linkIds = ctx.statements.entityLinkIds.get(kind);
      if (linkIds) for (const row of await run(linkIds, { id })) links.add(String(row['id']));
      await run(st.remove, { id });
      removed.push(id);
    }
  });
  for (const id of removed) shrink(ctx.sizes, kindNameOfId(id));
  for (const id of links) shrink(ctx.sizes, linkTypeOfId(id));
  return { entities: removed.length, links: links.size };
}

export async function removeLinksIn(ctx: RemoveContext, run: Run, ids: readonly string[]): Promise<number> {
  const byType = new Map<string, string[]>();
  for (const id of ids) {
    const type = linkTypeOfId(id);
    if (type !== undefined) byType.set(type, [...(byType.get(type) ?? []), id]);
  }
  if (byType.size === 0) return 0;
  const removed = new Map<string, number>();
  await inTransaction(run, async () => {
    for (const [type, group] of byType) {
      const st = ctx.statements.links.get(type)!;
      for (const row of await run(st.getByIds, { ids: group })) {
        const from = String(row['from']);
        const to = String(row['to']);
        const pair = st.pairs.find((p) => p.from === kindNameOfId(from) && p.to === kindNameOfId(to))!;
        await run(pair.remove, { from, to, id: String(row['id']) });
        removed.set(type, (removed.get(type) ?? 0) + 1);
      }
    }
  });
  for (const [type, n] of removed) shrink(ctx.sizes, type, n);
  return [...removed.values()].reduce((a, b) => a + b, 0);
}
