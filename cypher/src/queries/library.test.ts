/**
 * The library in cypher/queries: it loads, holds at least twelve queries, and every Neo4j variant passes
 * Neo4j's linter with the model's schema. (Every embedded variant runs on Kuzu in the server's tests:
 * server/src/queries/saved-queries.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { model } from '../../../server/src/domain/model/index.js';
import { formatFinding, lintNeo4jStatement } from '../lint/neo4j-lint.js';
import { loadQueryLibrary } from './library.js';

const library = loadQueryLibrary(model);

describe('the saved-query library', () => {
  it('holds at least twelve queries, each with a title, a description and typed parameters', () => {
    expect(library.queries.length).toBeGreaterThanOrEqual(12);
    for (const q of library.queries) {
      expect(q.title.length, q.name).toBeGreaterThan(5);
      expect(q.description.length, q.name).toBeGreaterThan(20);
      for (const p of q.params) expect(p.description, `${q.name}.${p.name}`).not.toBe('');
    }
  });

  it('runs on both engines except the two algorithm queries (Neo4j has no built-in PageRank or WCC)', () => {
    const embeddedOnly = library.queries.filter((q) => !q.engines.includes('neo4j')).map((q) => q.name);
    expect(embeddedOnly.sort()).toEqual(['most-central', 'rings']);
    for (const name of embeddedOnly) expect(library.find(name)?.projection, name).toBeDefined();
  });

  it.each(library.queries.filter((q) => q.variants.neo4j).map((q) => [q.name, q] as const))(
    '%s: the Neo4j variant passes the linter with the model',
    { timeout: 60_000 },
    (_name, q) => {
      const stmt = { name: q.name, text: q.variants.neo4j!.text, params: q.params.map((p) => p.name) };
      expect(lintNeo4jStatement(model, stmt).map(formatFinding)).toEqual([]);
    },
  );
});
