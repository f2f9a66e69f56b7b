import { isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { EntityWrite, LinkWrite } from '../../domain/graph.js';
import { entityRow, groupInRounds, linkRow } from './prepare.js';

const source = { sha256: 'c'.repeat(64), locator: 'line:3' };
const centre: EntityWrite = {
  id: 'callcentre:moscow-1',
  kind: 'CallCentre',
  properties: { name: 'Moscow 1', workstationCount: 500, raidedAt: '2024-05-01T10:11:12.000Z', city: null },
  caption: 'Moscow 1',
  searchText: 'moscow 1',
  source,
};

describe('entityRow', () => {
  it('splits plain and temporal properties, drops nulls and formats the source', () => {
    const { kind, row } = entityRow(centre);
    expect(kind).toBe('CallCentre');
    expect(Object.keys(row.props)).toEqual(['name', 'workstationCount']);
    expect(isInt(row.props['workstationCount'])).toBe(true);
    expect(row.times).toEqual({ raidedAt: '2024-05-01T10:11:12.000Z' });
    expect(row.sources).toEqual([`${'c'.repeat(64)}#line:3`]);
  });

  it('refuses an unknown kind, a foreign id, an unknown property, naming them', () => {
    expect(() => entityRow({ ...centre, kind: 'Spaceship' })).toThrow(/unknown kind "Spaceship"/);
    expect(() => entityRow({ ...centre, id: 'victim:v-1' })).toThrow(/not an id of kind CallCentre/);
    expect(() => entityRow({ ...centre, properties: { colour: 'red' } })).toThrow(/CallCentre has no property "colour"/);
  });
});

describe('linkRow', () => {
  const call: LinkWrite = {
    id: 'link:CALLED:0123456789abcdef',
    type: 'CALLED',
    from: 'phone:+74951234567',
    to: 'victim:v-1',
    properties: { at: '2024-05-01T10:11:12.000Z', durationSeconds: 65 },
    source,
  };

  it('routes to the type and endpoint kinds', () => {
    const { key, row } = linkRow(call);
    expect(key).toEqual(['CALLED', 'PhoneNumber', 'Victim']);
    expect(row.times).toEqual({ at: '2024-05-01T10:11:12.000Z' });
    expect(Object.keys(row.props)).toEqual(['durationSeconds']);
  });

  it('refuses endpoints the model does not allow and an id of another type', () => {
    expect(() => linkRow({ ...call, to: 'wallet:eth:0xabc' })).toThrow(/CALLED cannot link PhoneNumber to Wallet/);
    expect(() => linkRow({ ...call, id: 'link:PAID:0123456789abcdef' })).toThrow(/not a link id of type CALLED/);
    expect(() => linkRow({ ...call, type: 'KNOWS' })).toThrow(/unknown relationship type "KNOWS"/);
  });
});

describe('groupInRounds', () => {
  it('puts the n-th write of an id in round n, groups by key, keeps order', () => {
    const item = (key: string, id: string, n: number) => ({ key: [key], row: { id, n } });
    const groups = groupInRounds([item('A', 'a1', 1), item('B', 'b1', 2), item('A', 'a1', 3), item('A', 'a2', 4), item('A', 'a1', 5)]);
    expect(groups.map((g) => [g.key[0], g.rows.map((r) => r.n)])).toEqual([
      ['A', [1, 4]],
      ['B', [2]],
      ['A', [3]],
      ['A', [5]],
    ]);
  });
});
