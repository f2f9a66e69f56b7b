/**
 * One write batch in one write transaction: entities first (so links may point at entities of the same
 * batch), then a check that every link endpoint exists, then links. Any failure rolls the whole batch back,
 * and the driver may retry the whole unit on a transient error: every statement in it is an idempotent MERGE.
 */
import type { Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import { DomainError, invalidArgument } from '../../domain/errors.js';
import type { WriteBatch } from '../../domain/graph.js';
import type { WriteCounts, WriteOptions, WriteResult } from '../port.js';
import type { Tx } from './executor.js';
import { refsIn } from './lookup.js';
import { entityGroups, linkGroups, type RowGroup } from './prepare.js';

interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

async function runGroup(
  tx: Tx,
  stmt: Parameters<Tx['run']>[0],
  group: RowGroup<{ id: string }>,
  tally: Tally,
  extra: Record<string, unknown> = {},
) {
  const [row] = await tx.run(stmt, { rows: group.rows, ...extra });
  const rows = Number(row?.['rows'] ?? 0);
  const created = Number(row?.['created'] ?? 0);
  const updated = Number(row?.['updated'] ?? 0);
  if (rows !== group.rows.length) {
    // Endpoints are checked before links are written, so a lost row is a bug, not bad input.
    throw new DomainError('INTERNAL', `${stmt.name} wrote ${rows} of ${group.rows.length} rows`);
  }
  tally.created += created;
  tally.updated += updated;
  tally.unchanged += rows - created - updated;
}

/** Checks and converts the whole batch before the transaction starts: bad input never opens one. */
export function prepareBatch(batch: WriteBatch) {
  if (!batch || !Array.isArray(batch.entities) || !Array.isArray(batch.links)) {
    throw invalidArgument('batch', 'expects { entities: [...], links: [...] }');
  }
  return { entities: entityGroups(batch.entities), links: linkGroups(batch.links) };
}

export type PreparedBatch = ReturnType<typeof prepareBatch>;

export async function writeBatchIn(
  tx: Tx,
  s: Neo4jStatements,
  batch: PreparedBatch,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const keepText = options.keepText === true;
  const oneCitationPerFile = options.oneCitationPerFile === true;
  const entities: Tally = { created: 0, updated: 0, unchanged: 0 };
  const links: Tally = { created: 0, updated: 0, unchanged: 0 };
  for (const group of batch.entities) {
    await runGroup(tx, s.upsertEntities(group.key[0] as string), group, entities, { keepText, oneCitationPerFile });
  }

  const endpoints = [...new Set(batch.links.flatMap((g) => g.rows.flatMap((r) => [r.from, r.to])))];
  if (endpoints.length > 0) {
    const found = await refsIn(tx, s, endpoints);
    for (const group of batch.links) {
      for (const row of group.rows) {
        const missing = [row.from, row.to].find((id) => !found.has(id));
        if (missing !== undefined) {
          // Same words as the embedded adapter.
          throw new DomainError('NOT_FOUND', `link ${row.id}: endpoint ${missing} does not exist`, {
            details: { id: missing, link: row.id },
          });
        }
      }
    }
  }
  for (const group of batch.links) {
    const [type, from, to] = group.key as [string, string, string];
    await runGroup(tx, s.upsertLinks(type, from, to), group, links, { oneCitationPerFile });
  }
  return { entities: counts(entities), links: counts(links) };
}

const counts = (t: Tally): WriteCounts => ({ created: t.created, updated: t.updated, unchanged: t.unchanged });
