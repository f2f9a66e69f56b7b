import { isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { EntityWrite, LinkWrite } from '../../domain/graph.js';
import { entityGroups, linkGroups } from './prepare.js';

const source = { sha256: 'c'.repeat(64), locator: 'line:3' };
const centre: EntityWrite = {
  id: 'callcentre:moscow-1',
  kind: 'CallCentre',
  properties: { name: 'Moscow 1', workstationCount: 500, raidedAt: '2024-05-01T10:11:12.000Z', city: null },
  caption: 'Moscow 1',
  searchText: 'moscow 1',
  source,
};

const entityRow = (w: EntityWrite) => {
  const [group] = entityGroups([w]);
  return { kind: group?.key[0], row: group!.rows[0]! };
};
const linkRow = (w: LinkWrite) => {
  const [group] = linkGroups([w]);
  return { key: group?.key, row: group!.rows[0]! };
};

describe('entity rows', () => {
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
    expect(() => entityRow({ ...centre, properties: { colour: 'red' } })).toThrow(
      /CallCentre has no property "colour"/,
    );
  });
});

describe('link rows', () => {
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

describe('a fact written twice in one batch', () => {
  const other = { sha256: 'd'.repeat(64), locator: 'line:9' };

  it('is one row: sources united, later values win, nulls keep earlier values', () => {
    const groups = entityGroups([
      centre,
      {
        ...centre,
        properties: { name: 'Moscow One', workstationCount: null, city: 'Moscow' },
        caption: 'Moscow One',
        source: other,
      },
      { ...centre, id: 'callcentre:moscow-2', source: other },
    ]);
    expect(groups).toHaveLength(1);
    const [first, second] = groups[0]!.rows;
    expect(first!.props).toMatchObject({ name: 'Moscow One', city: 'Moscow' });
    expect(String(first!.props['workstationCount'])).toBe('500');
    expect(first!.caption).toBe('Moscow One');
    expect(first!.sources).toEqual([`${'c'.repeat(64)}#line:3`, `${'d'.repeat(64)}#line:9`]);
    expect(second!.id).toBe('callcentre:moscow-2');
  });

  it('refuses a link id written between different endpoints', () => {
    const call: LinkWrite = {
      id: 'link:CALLED:0123456789abcdef',
      type: 'CALLED',
      from: 'phone:+74951234567',
      to: 'victim:v-1',
      properties: { at: '2024-05-01T10:11:12.000Z' },
      source,
    };
    expect(() => linkGroups([call, { ...call, to: 'victim:v-2' }])).toThrow(/between different endpoints/);
  });
});
