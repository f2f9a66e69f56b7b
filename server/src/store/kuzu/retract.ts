/**
 * Retracting sources on Kuzu, in one transaction on the writer connection: links first (so an entity's
 * remaining links are known), then entities; one statement per table and step, each a scan of the table
 * (a run's facts are spread over every table, and there is no index on sources). The files become regular
 * expressions of validated hex only (retract-arguments.ts).
 */
import type { KuzuRetractStatements } from '@ringtrace/cypher/kuzu/index.js';
import type { RetractResult } from '../port.js';
import { inTransaction, type Run } from './transaction.js';

export interface RetractContext {
  readonly statements: KuzuRetractStatements;
  /** Estimated rows per table (write-batch.ts): shrunk by what the retraction removed. */
  readonly sizes: Map<string, number>;
}

const count = async (run: Run, s: Parameters<Run>[0], params: Record<string, string>) =>
  Number((await run(s, params))[0]?.['n'] ?? 0);

export async function retractSourcesIn(
  ctx: RetractContext,
  run: Run,
  sha256s: readonly string[],
): Promise<RetractResult> {
  const files = sha256s.join('|');
  const entityMatch = { match: `^(${files})#` };
  const linkMatch = { match: `(^| )(${files})#`, strip: `(^| )(${files})#[^ ]*` };
  const removed = new Map<string, number>();
  const result = await inTransaction(run, async () => {
    const links = { updated: 0, removed: 0 };
    const entities = { updated: 0, removed: 0 };
    for (const [type, s] of ctx.statements.removeLinks) {
      const n = await count(run, s, linkMatch);
      links.removed += n;
      removed.set(type, n);
    }
    for (const s of ctx.statements.updateLinks.values()) links.updated += await count(run, s, linkMatch);
    for (const [kind, s] of ctx.statements.removeEntities) {
      const n = await count(run, s, entityMatch);
      entities.removed += n;
      removed.set(kind, n);
    }
    for (const s of ctx.statements.updateEntities.values()) entities.updated += await count(run, s, entityMatch);
    return { entities, links };
  });
  for (const [table, n] of removed) ctx.sizes.set(table, Math.max(0, (ctx.sizes.get(table) ?? 0) - n));
  return result;
}
