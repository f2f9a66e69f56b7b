/** Full-text search through the `entity_search` index. */
import { luceneQuery, type Neo4jStatements } from '@ringtrace/cypher/neo4j/index.js';
import { int } from 'neo4j-driver';
import { invalidArgument } from '../../domain/errors.js';
import type { SearchOptions, SearchResult } from '../port.js';
import type { Tx } from './executor.js';
import { entityFromStored } from './mapping.js';
import { integerIn, investigationKindsIn } from '../arguments.js';

export const MAX_SEARCH_LIMIT = 1_000;

export function checkSearch(options: SearchOptions) {
  if (typeof options.text !== 'string') throw invalidArgument('text', 'must be a string');
  return {
    query: luceneQuery(options.text),
    // System kinds (source files) are not in the full-text index: asking for them is refused.
    kinds: investigationKindsIn('kinds', options.kinds),
    limit: integerIn('limit', options.limit, 0, MAX_SEARCH_LIMIT),
    offset: integerIn('offset', options.offset, 0, Number.MAX_SAFE_INTEGER),
  };
}

export async function searchIn(tx: Tx, s: Neo4jStatements, o: ReturnType<typeof checkSearch>): Promise<SearchResult> {
  if (o.query === '') return { hits: [], total: 0 };
  const [count] = await tx.run(s.searchCount, { query: o.query, kinds: o.kinds });
  const total = Number(count?.['total'] ?? 0);
  if (o.limit === 0 || o.offset >= total) return { hits: [], total };
  const rows = await tx.run(s.searchPage, {
    query: o.query,
    kinds: o.kinds,
    offset: int(o.offset),
    limit: int(o.limit),
  });
  const hits = rows.map((r) => ({
    entity: entityFromStored(r['properties'] as Record<string, unknown>),
    score: Number(r['score']),
  }));
  return { hits, total };
}
