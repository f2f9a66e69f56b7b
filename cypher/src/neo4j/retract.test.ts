import { describe, expect, it } from 'vitest';
import type { ModelShape } from '../model-shape.js';
import { createNeo4jStatements, enumerateNeo4jStatements } from './statements.js';

const shape: ModelShape = {
  kinds: [
    { name: 'Phone', idPrefix: 'phone', properties: {} },
    { name: 'Victim', idPrefix: 'victim', properties: {} },
  ],
  relationships: [{ name: 'CALLED', endpoints: [['Phone', 'Victim']], properties: {} }],
};

describe('retraction statements', () => {
  const s = createNeo4jStatements(shape);

  it('deletes only what cites nothing but the given files, and an entity only when unlinked', () => {
    expect(s.retractRemoveEntities('Victim').text).toBe(
      'MATCH (n:Victim)\n' +
        'WHERE all(s IN coalesce(n.sources, []) WHERE any(p IN $prefixes WHERE s STARTS WITH p)) AND NOT EXISTS { (n)--() }\n' +
        'WITH n LIMIT $batch\nDELETE n\nRETURN count(*) AS n',
    );
    expect(s.retractRemoveLinks('CALLED').text).toContain('WITH r LIMIT $batch\nDELETE r');
  });

  it('keeps the other sources of what it updates, in bounded rounds', () => {
    expect(s.retractUpdateLinks('CALLED').text).toContain(
      'SET r.sources = [s IN r.sources WHERE none(p IN $prefixes WHERE s STARTS WITH p)]',
    );
    expect(s.retractUpdateEntities('Phone').params).toEqual(['prefixes', 'batch']);
  });

  it('is enumerated for the linter for every kind and type, and refuses what the model lacks', () => {
    const names = enumerateNeo4jStatements(shape).map((x) => x.name);
    for (const n of ['retract.removeEntities.Phone', 'retract.updateEntities.Victim', 'retract.removeLinks.CALLED']) {
      expect(names).toContain(n);
    }
    expect(() => s.retractRemoveEntities('Spaceship')).toThrow(/unknown kind/);
    expect(() => s.retractUpdateLinks('LOVES')).toThrow(/unknown relationship type/);
  });
});
