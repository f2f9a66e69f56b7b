/**
 * The builders can only produce what enumerateNeo4jStatements lists: anything outside the model (or a
 * name that is not a plain identifier) is refused, so nothing the lint test did not see can be sent.
 */
import { describe, expect, it } from 'vitest';
import type { ModelShape } from '../model-shape.js';
import { createNeo4jStatements, enumerateNeo4jStatements } from './statements.js';

const shape: ModelShape = {
  kinds: [
    { name: 'Phone', idPrefix: 'phone', properties: { number: { type: 'string', searchable: true } } },
    { name: 'Victim', idPrefix: 'victim', properties: { at: { type: 'datetime' }, born: { type: 'date' } } },
    { name: 'SourceFile', idPrefix: 'source', properties: {}, system: true },
  ],
  relationships: [{ name: 'CALLED', endpoints: [['Phone', 'Victim']], properties: { at: { type: 'datetime' } } }],
};

describe('Neo4j statement builders', () => {
  const s = createNeo4jStatements(shape);

  it('refuses kinds, types, endpoint pairs and bounds outside the model', () => {
    expect(() => s.upsertEntities('Spaceship')).toThrow(/unknown kind "Spaceship"/);
    expect(() => s.getLinks('LOVES')).toThrow(/unknown relationship type "LOVES"/);
    expect(() => s.upsertLinks('CALLED', 'Victim', 'Phone')).toThrow(/CALLED cannot link Victim to Phone/);
    expect(() => s.removeEntities('Spaceship')).toThrow(/unknown kind "Spaceship"/);
    expect(() => s.removeLinks('LOVES')).toThrow(/unknown relationship type "LOVES"/);
    expect(() => s.shortestPaths(0)).toThrow(/maxHops/);
    expect(() => s.shortestPaths(11)).toThrow(/maxHops/);
  });

  it('refuses a model name that is not a plain identifier', () => {
    const bad: ModelShape = { ...shape, kinds: [{ name: 'Victim`) DETACH DELETE (n', idPrefix: 'x', properties: {} }] };
    expect(() => createNeo4jStatements(bad).getEntities('Victim`) DETACH DELETE (n')).toThrow(/not a plain identifier/);
  });

  it('returns the same statement objects it enumerates', () => {
    const listed = new Set(enumerateNeo4jStatements(shape).map((x) => x.text));
    for (const built of [s.upsertEntities('Victim'), s.upsertLinks('CALLED', 'Phone', 'Victim'), s.shortestPaths(7)]) {
      expect(listed.has(built.text)).toBe(true);
    }
  });

  it('removes entities with their links, listing the links only for kinds that can have some', () => {
    expect(s.removeEntities('Victim').text).toContain(
      'OPTIONAL MATCH (n)-[r]-()\nWITH n, id, collect(DISTINCT r.id) AS links\nDETACH DELETE n',
    );
    expect(s.removeEntities('SourceFile').text).not.toContain('OPTIONAL MATCH');
    expect(s.removeEntities('SourceFile').text).toContain('DETACH DELETE n\nRETURN id, [] AS links');
    expect(s.removeLinks('CALLED').text).toBe(
      'UNWIND $ids AS id\nMATCH ()-[r:CALLED {id: id}]->()\nDELETE r\nRETURN id',
    );
  });

  it('writes dates and datetimes through date() and datetime(), keeping absent ones', () => {
    const text = s.upsertEntities('Victim').text;
    expect(text).toContain("x.at = CASE WHEN 'at' IN keys(row.times) THEN datetime(row.times.at) ELSE x.at END");
    expect(text).toContain("x.born = CASE WHEN 'born' IN keys(row.times) THEN date(row.times.born) ELSE x.born END");
  });

  it('never enters a system kind when traversing', () => {
    expect(s.expandStep.text).toContain('NOT n:SourceFile');
    expect(s.shortestPaths(3).text).toContain('none(x IN nodes(p) WHERE x:SourceFile)');
  });

  it('indexes every investigation kind in one full-text index, event times in range indexes', () => {
    const texts = s.schema.map((x) => x.text.replace(/\s+/g, ' '));
    expect(texts).toContain(
      'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Phone|Victim) ON EACH [n.searchText] ' +
        "OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } }",
    );
    expect(texts).toContain(
      'CREATE CONSTRAINT entity_SourceFile_id IF NOT EXISTS FOR (n:SourceFile) REQUIRE n.id IS UNIQUE',
    );
    expect(texts).toContain(
      'CREATE CONSTRAINT link_CALLED_id IF NOT EXISTS FOR ()-[r:CALLED]-() REQUIRE r.id IS UNIQUE',
    );
    expect(texts).toContain('CREATE INDEX link_CALLED_at IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.at)');
  });
});
