import { describe, expect, it } from 'vitest';
import { addSubgraph } from './commands/add';
import { emptyScene } from './commands/empty';
import { pinNodes } from './commands/pin';
import { hideNodes } from './commands/visibility';
import { compareCells, entityTable, linkTable, sortRows, toCsv } from './table';
import { entity, link } from './testing';

const a = entity('phone:a', 'PhoneNumber', { number: '+7 495', tags: ['x', 'y'] });
const b = entity('victim:b', 'Victim', { reportedLoss: '100.5', country: 'DE' });
const c = entity('wallet:c', 'Wallet', { address: '=HYPERLINK("http://evil")' });
const p1 = link('PAID', 'victim:b', 'wallet:c', { amount: '9.5', asset: 'ETH' });
const p2 = link('PAID', 'victim:b', 'wallet:c', { amount: '10', asset: 'ETH' });
const call = link('CALLED', 'phone:a', 'victim:b', { at: '2024-01-01T00:00:00.000Z' });
const scene = pinNodes(
  hideNodes(addSubgraph(emptyScene(), { entities: [a, b, c], links: [p1, p2, call] }), ['phone:a']),
  ['wallet:c'],
);

describe('tables', () => {
  it('entities: fixed columns, then a column per property found', () => {
    const table = entityTable(scene);
    expect(table.columns.map((c) => c.key)).toEqual([
      'id',
      'kind',
      'caption',
      'links',
      'shown',
      'pinned',
      'p.address',
      'p.country',
      'p.number',
      'p.reportedLoss',
      'p.tags',
    ]);
    expect(table.rows[0]).toEqual({
      id: 'phone:a',
      kind: 'PhoneNumber',
      caption: 'a',
      links: 1,
      shown: false,
      pinned: false,
      'p.number': '+7 495',
      'p.tags': 'x; y',
    });
    expect(table.rows[1]).toMatchObject({ links: 3, shown: true });
  });

  it('links: each link with its ends by caption and id', () => {
    const table = linkTable(scene);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]).toMatchObject({
      type: 'PAID',
      fromCaption: 'b',
      toCaption: 'c',
      'p.amount': '9.5',
      shown: true,
    });
    expect(table.rows[2]).toMatchObject({ type: 'CALLED', shown: false, 'p.at': '2024-01-01T00:00:00.000Z' });
  });

  it('sorts by any column: amounts exactly, text naturally, empty last both ways', () => {
    const rows = linkTable(scene).rows;
    expect(sortRows(rows, 'p.amount').map((r) => r['p.amount'] ?? null)).toEqual(['9.5', '10', null]);
    expect(sortRows(rows, 'p.amount', 'desc').map((r) => r['p.amount'] ?? null)).toEqual(['10', '9.5', null]);
    expect(sortRows(entityTable(scene).rows, 'kind', 'desc').map((r) => r['kind'])).toEqual([
      'Wallet',
      'Victim',
      'PhoneNumber',
    ]);
    expect(compareCells('v-2', 'v-10')).toBeLessThan(0);
    expect(compareCells(true, false)).toBeGreaterThan(0);
  });

  it('exports CSV with labels, quoting, yes/no, and formulas defused', () => {
    const table = entityTable(scene);
    const csv = toCsv(table, sortRows(table.rows, 'id', 'desc'));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('id,kind,caption,links on scene,shown,pinned,address,country,number,reportedLoss,tags');
    expect(lines[1]).toBe(`wallet:c,Wallet,c,2,yes,yes,"'=HYPERLINK(""http://evil"")",,,,`);
    expect(lines[3]).toBe('phone:a,PhoneNumber,a,1,no,no,,,+7 495,,x; y');
    const risky = {
      columns: [{ key: 'v', label: 'v' }],
      rows: [{ v: '-2+3+cmd|calc' }, { v: '@SUM(A1)' }, { v: '-12.5' }],
    };
    expect(toCsv(risky).trimEnd().split('\n')).toEqual(['v', "'-2+3+cmd|calc", "'@SUM(A1)", '-12.5']);
  });
});

describe('withheld values', () => {
  it('read "withheld" in the table and the CSV, with a column even when no entity has the value', () => {
    const victim = {
      ...entity('victim:v-1', 'Victim', { country: 'DE' }),
      caption: 'v-1',
      withheld: ['name', 'email'],
    };
    const table = entityTable(addSubgraph(emptyScene(), { entities: [victim], links: [] }));
    expect(table.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['p.name', 'p.email', 'p.country']));
    expect(table.rows[0]).toMatchObject({
      caption: 'v-1',
      'p.name': 'withheld',
      'p.email': 'withheld',
      'p.country': 'DE',
    });
    expect(toCsv(table)).toMatch(/withheld,withheld|withheld.*withheld/);
  });
});
