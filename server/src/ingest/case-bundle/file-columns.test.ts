import { describe, expect, it } from 'vitest';
import { entityColumns, isHeaderProblem, linkColumns } from './file-columns.js';

describe('entityColumns', () => {
  it('reads a given-key kind by its key column and property columns', () => {
    const c = entityColumns('Victim', ['key', 'name', 'country', 'source']);
    expect(isHeaderProblem(c)).toBe(false);
    if (isHeaderProblem(c)) return;
    expect(c.key).toBe(0);
    expect(c.source).toBe(3);
    expect(c.properties.map((p) => p.name)).toEqual(['name', 'country']);
  });

  it('reads a natural-key kind by its key property', () => {
    expect(isHeaderProblem(entityColumns('PhoneNumber', ['number', 'spoofed']))).toBe(false);
    expect(entityColumns('PhoneNumber', ['spoofed'])).toMatchObject({ field: 'number' });
  });

  it('refuses an unknown kind, an unknown or repeated column, a missing key', () => {
    expect(entityColumns('Spaceship', ['key'])).toMatchObject({ field: 'file', reason: /unknown kind "Spaceship"/ });
    expect(entityColumns('Victim', ['key', 'shoeSize'])).toMatchObject({
      field: 'shoeSize',
      reason: /no property "shoeSize"/,
    });
    expect(entityColumns('Victim', ['key', 'name', 'name'])).toMatchObject({ field: 'name' });
    expect(entityColumns('Victim', ['name'])).toMatchObject({ field: 'key' });
  });
});

describe('linkColumns', () => {
  it('lets the kinds be left out when the type has one start or end kind', () => {
    const c = linkColumns('CALLED', ['from', 'to', 'at']);
    expect(c).toMatchObject({ onlyFromKind: 'PhoneNumber', onlyToKind: 'Victim' });
    expect(linkColumns('CONTROLS', ['from', 'to_kind', 'to'])).toMatchObject({ onlyFromKind: 'CrimeGroup' });
  });

  it('asks for the kind column when the type links several kinds', () => {
    expect(linkColumns('CONTROLS', ['from', 'to'])).toMatchObject({ field: 'to_kind' });
    expect(linkColumns('OWNS', ['from', 'to'])).toMatchObject({ field: 'from_kind' });
  });

  it('refuses an unknown type, a property the type lacks, missing ends', () => {
    expect(linkColumns('LOVES', ['from', 'to'])).toMatchObject({
      field: 'file',
      reason: /unknown relationship type "LOVES"/,
    });
    expect(linkColumns('LIVES_IN', ['from', 'to', 'since'])).toMatchObject({ field: 'since' });
    expect(linkColumns('LIVES_IN', ['from'])).toMatchObject({ field: 'to' });
  });
});
