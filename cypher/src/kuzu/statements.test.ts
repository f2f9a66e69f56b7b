import { describe, expect, it } from 'vitest';
import type { ModelShape } from '../model-shape.js';
import { kuzuSchema } from '../schema/kuzu-ddl.js';
import { decodeFtsText, encodeFtsText } from './fts-text.js';
import { ident, literal } from './quote.js';
import { allKuzuStatements, kuzuStatements } from './statements.js';
import { traversableRelationships } from './traversal-statements.js';

const shape: ModelShape = {
  kinds: [
    { name: 'Case', idPrefix: 'case', properties: { name: { type: 'string', searchable: true }, n: { type: 'int' } } },
    { name: 'Call', idPrefix: 'call', properties: { at: { type: 'datetime' } } },
    { name: 'File', idPrefix: 'file', properties: {}, system: true },
  ],
  relationships: [
    {
      name: 'MADE',
      endpoints: [
        ['Case', 'Call'],
        ['Call', 'Call'],
      ],
      properties: { at: { type: 'date' } },
    },
    {
      name: 'SEEN',
      endpoints: [['Call', 'Case']],
      properties: { at: { type: 'datetime' }, tags: { type: 'string[]' } },
    },
    { name: 'CITES', endpoints: [['Case', 'File']], properties: {} },
  ],
};

describe('Kuzu statement builders', () => {
  it('quote reserved words and escape quotes', () => {
    expect(ident('Case')).toBe('`Case`');
    expect(ident('a`b')).toBe('`a``b`');
    expect(literal("it's \\")).toBe("'it\\'s \\\\'");
  });

  it('derive one node table per kind and one rel table per type with every pair', () => {
    const schema = kuzuSchema(shape);
    const byName = new Map(schema.tables.map((t) => [t.name, t]));
    expect(byName.get('Case')!.create).toBe(
      'CREATE NODE TABLE IF NOT EXISTS `Case` (`id` STRING PRIMARY KEY, `caption` STRING, `searchText` STRING, ' +
        '`sources` STRING[], `name` STRING, `n` INT64)',
    );
    expect(byName.get('MADE')!.create).toBe(
      'CREATE REL TABLE IF NOT EXISTS `MADE` (FROM `Case` TO `Call`, FROM `Call` TO `Call`, `id` STRING, ' +
        '`sources` STRING, `at` DATE)',
    );
    expect(schema.ftsIndexes.map((f) => f.table)).toEqual(['Case', 'Call']);
  });

  it('refuse a property that collides with a system column', () => {
    const bad: ModelShape = {
      kinds: [{ name: 'X', idPrefix: 'x', properties: { sources: { type: 'string' } } }],
      relationships: [],
    };
    expect(() => kuzuSchema(bad)).toThrow(/X.sources collides/);
  });

  it('never traverse a relationship that touches a system kind', () => {
    expect(traversableRelationships(shape).map((r) => r.name)).toEqual(['MADE', 'SEEN']);
    expect(kuzuStatements(shape).expandReach('Case', 2).text).not.toContain('CITES');
    expect(kuzuStatements(shape).expandLinks('Case', true)!.text).not.toContain('CITES');
  });

  it('read a property declared with different types in two rel tables as a string', () => {
    const text = kuzuStatements(shape).expandLinks('Call', true)!.text;
    expect(text).toContain('CAST(l.`at` AS STRING) AS `p_at`');
    expect(text).toContain('l.`tags` AS `p_tags`');
  });

  it('inline bounds and types, which Kuzu cannot take as parameters in a recursive pattern', () => {
    const s = kuzuStatements(shape).expandReach('Case', 3, ['SEEN']);
    expect(s.text).toContain('-[r:`SEEN`* SHORTEST 1..3]-(n)');
    expect(s.params).toEqual(['seed', 'limit']);
    expect(kuzuStatements(shape).expandLinks('Case', false, ['MADE'])!.params).toEqual(['id', 'keptOffsets']);
    expect(kuzuStatements(shape).expandLinks('File', true)).toBeUndefined();
  });

  it('remove an entity with its links, and list those links over every type touching its kind', () => {
    const st = kuzuStatements(shape);
    expect(st.entities.get('Call')!.remove.text).toBe('MATCH (n:`Call` {id: $id}) DETACH DELETE n');
    expect(st.entityLinkIds.get('Call')!.text).toBe(
      'MATCH (n:`Call` {id: $id})-[l:`MADE`|`SEEN`]-() RETURN DISTINCT l.id AS id',
    );
    // System kinds are not traversed, but a removal must see their links too.
    expect(st.entityLinkIds.get('File')!.text).toContain('[l:`CITES`]');
    expect(st.links.get('MADE')!.pairs[1]!.remove.text).toBe(
      'MATCH (a:`Call` {id: $from})-[l:`MADE`]->(b:`Call` {id: $to}) WHERE l.id = $id DELETE l',
    );
    const none: ModelShape = { kinds: [shape.kinds[0]!], relationships: [] };
    expect(kuzuStatements(none).entityLinkIds.size).toBe(0);
  });

  it('refuse out-of-range bounds', () => {
    expect(() => kuzuStatements(shape).expandReach('Case', 4)).toThrow(/depth 4/);
    expect(() => kuzuStatements(shape).shortestPaths('Case', 'Call', 11)).toThrow(/maxHops 11/);
  });

  it('enumerate every statement once, each with a unique name', () => {
    const all = allKuzuStatements(shape);
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
    expect(all.some((e) => e.name === 'link MADE Call->Call copy')).toBe(true);
  });

  it('map digits to letters for the full-text index and back', () => {
    expect(encodeFtsText('+7 495')).not.toMatch(/[0-9]/);
    expect(decodeFtsText(encodeFtsText('ivan5 +74951234567'))).toBe('ivan5 +74951234567');
  });
});
