/**
 * Retracting sources on Neo4j, in one write transaction (the driver may retry it whole: every statement
 * matches only what it still has to change). Links first, then entities; each statement in rounds of
 * RETRACT_BATCH facts until it changes none.
 */
import type { CypherStatement, Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import { int } from 'neo4j-driver';
import { model } from '../../domain/model/index.js';
import type { RetractResult } from '../port.js';
import type { Tx } from './executor.js';

const RETRACT_BATCH = 10_000;

async function rounds(tx: Tx, s: CypherStatement, prefixes: readonly string[]): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await tx.run(s, { prefixes: [...prefixes], batch: int(RETRACT_BATCH) });
    const n = Number(row?.['n'] ?? 0);
    total += n;
    if (n < RETRACT_BATCH) return total;
  }
}

export async function retractSourcesIn(tx: Tx, s: Neo4jStatements, sha256s: readonly string[]): Promise<RetractResult> {
  const prefixes = sha256s.map((sha) => `${sha}#`);
  const links = { updated: 0, removed: 0 };
  const entities = { updated: 0, removed: 0 };
  for (const r of model.relationships) links.removed += await rounds(tx, s.retractRemoveLinks(r.name), prefixes);
  for (const r of model.relationships) links.updated += await rounds(tx, s.retractUpdateLinks(r.name), prefixes);
  for (const k of model.kinds) entities.removed += await rounds(tx, s.retractRemoveEntities(k.name), prefixes);
  for (const k of model.kinds) entities.updated += await rounds(tx, s.retractUpdateEntities(k.name), prefixes);
  return { entities, links };
}
