import { describe, expect, it } from 'vitest';
import type { ModelShape } from '../model-shape.js';
import {
  expandCountManyStatement,
  expandCountStatement,
  expandLinksStatement,
  expandReachStatement,
} from './traversal-statements.js';

const shape: ModelShape = {
  kinds: [
    { name: 'Case', idPrefix: 'case', properties: {} },
    { name: 'Call', idPrefix: 'call', properties: {} },
    { name: 'Note', idPrefix: 'note', properties: {} },
    { name: 'File', idPrefix: 'file', properties: {}, system: true },
  ],
  relationships: [
    { name: 'MADE', endpoints: [['Case', 'Call']], properties: {} },
    { name: 'ON', endpoints: [['Note', 'Case']], properties: {} },
    { name: 'CITES', endpoints: [['Case', 'File']], properties: {} },
  ],
};

describe('expansion statements', () => {
  it('sort and cut the nearest in the engine, the limit a parameter', () => {
    const s = expandReachStatement(shape, 'Case', 2);
    expect(s.text).toBe(
      'MATCH (s:`Case` {id: $seed})-[r:`MADE`|`ON`* SHORTEST 1..2]-(n) ' +
        'RETURN n.id AS id, length(r) AS d, id(n) AS ref ORDER BY d, id LIMIT $limit',
    );
    expect(s.params).toEqual(['seed', 'limit']);
  });

  it('filter kinds in the engine only when some kinds are left out', () => {
    expect(expandReachStatement(shape, 'Case', 1, undefined, ['Note', 'Call']).text).toContain(
      "-(n) WHERE label(n) IN ['Call','Note'] RETURN",
    );
    expect(expandReachStatement(shape, 'Case', 1, undefined, ['Note', 'Call', 'Case']).text).not.toContain('label');
    expect(expandCountStatement(shape, 'Case', 3, ['MADE'], ['Call']).text).toBe(
      "MATCH (s:`Case` {id: $seed})-[r:`MADE`* SHORTEST 1..3]-(n) WHERE label(n) IN ['Call'] RETURN count(*) AS total",
    );
    expect(() => expandCountStatement(shape, 'Case', 1, undefined, ['File'])).toThrow(/File/);
  });

  it('count the distinct entities several seeds reach, seeds left out, in one MATCH', () => {
    const s = expandCountManyStatement(shape, ['Note', 'Case', 'Note'], 2, undefined, ['Call']);
    expect(s.text).toBe(
      'MATCH (s:`Note`:`Case`)-[r:`MADE`|`ON`* SHORTEST 1..2]-(n) WHERE s.id IN $ids AND NOT n.id IN $ids ' +
        "AND label(n) IN ['Call'] RETURN count(DISTINCT n) AS total",
    );
    expect(s.params).toEqual(['ids']);
  });

  it('check the far end of a link against the kept engine ids before reading the link', () => {
    const s = expandLinksStatement(shape, 'Case', true);
    expect(s.text).toContain(
      'UNWIND $inner AS i MATCH (a:`Case` {id: i})-[l:`MADE`|`ON`]-(b) WHERE offset(id(b)) IN $keptOffsets RETURN',
    );
    expect(s.params).toEqual(['inner', 'keptOffsets']);
  });

  it('refuse a depth out of 1..3', () => {
    expect(() => expandCountStatement(shape, 'Case', 0)).toThrow(/depth 0/);
    expect(() => expandCountManyStatement(shape, ['Case'], 4)).toThrow(/depth 4/);
  });
});
