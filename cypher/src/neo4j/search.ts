/**
 * Full-text search over the `entity_search` index. The Lucene query is built by `luceneQuery` from the
 * user's text (special characters escaped); the kinds filter is a parameter checked against labels.
 */
import type { ModelShape } from '../model-shape.js';
import { NEO4J_SEARCH_INDEX } from '../schema/neo4j-schema.js';
import { statement, type CypherStatement } from './statement.js';

const hits = [
  `CALL db.index.fulltext.queryNodes('${NEO4J_SEARCH_INDEX}', $query) YIELD node, score`,
  'WHERE any(label IN labels(node) WHERE label IN $kinds)',
];

/** One page of hits, best score first, ties by id so pages are stable. */
export const searchPageStatement = (_model: ModelShape): CypherStatement =>
  statement(
    'search.page',
    ['query', 'kinds', 'offset', 'limit'],
    [
      ...hits,
      'RETURN properties(node) AS properties, score',
      'ORDER BY score DESC, node.id ASC',
      'SKIP $offset LIMIT $limit',
    ],
  );

/** How many hits there are across all pages. */
export const searchCountStatement = (_model: ModelShape): CypherStatement =>
  statement('search.count', ['query', 'kinds'], [...hits, 'RETURN count(node) AS total']);

// Lucene's classic query syntax: these characters are operators unless escaped with a backslash.
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
// Upper-case AND, OR, NOT are operators too; the analyzer lower-cases terms anyway.
const LUCENE_KEYWORD = /^(AND|OR|NOT|TO)$/;

/**
 * The Lucene query for a user's text: each whitespace-separated word as a literal term, any of them
 * matching (the embedded engine's default, disjunctive). Empty when the text has no word.
 */
export function luceneQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => (LUCENE_KEYWORD.test(w) ? w.toLowerCase() : w.replace(LUCENE_SPECIAL, (c) => `\\${c}`)))
    .join(' ');
}
