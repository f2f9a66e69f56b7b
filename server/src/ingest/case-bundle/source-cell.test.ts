import { describe, expect, it } from 'vitest';
import { parseSourceCell } from './source-cell.js';

const row = { sha256: 'a'.repeat(64), locator: 'line:7' };
const report = 'b'.repeat(64);
const declared = new Map([['report', report]]);

describe('parseSourceCell', () => {
  it('cites the row itself when empty', () => {
    expect(parseSourceCell(undefined, row, declared)).toEqual([row]);
    expect(parseSourceCell('  ', row, declared)).toEqual([row]);
  });

  it('cites a declared source at a locator, the row with "this", or any file by hash', () => {
    expect(parseSourceCell('report#line:12', row, declared)).toEqual([{ sha256: report, locator: 'line:12' }]);
    expect(parseSourceCell('this; report#line:12;report#line:12', row, declared)).toEqual([
      row,
      { sha256: report, locator: 'line:12' },
    ]);
    expect(parseSourceCell(`${'c'.repeat(64)}#record:3`, row, declared)).toEqual([
      { sha256: 'c'.repeat(64), locator: 'record:3' },
    ]);
  });

  it('refuses an undeclared key or a malformed locator, naming the source column', () => {
    expect(() => parseSourceCell('memo#line:1', row, declared)).toThrow(/unknown source "memo" \(known: report\)/);
    expect(() => parseSourceCell('report#line 1', row, declared)).toThrow(/must not contain spaces/);
    expect(() => parseSourceCell('report', row, declared)).toThrow(/not "this" or <source key>#<locator>/);
    expect(() => parseSourceCell('report#', row, declared)).toThrow(/empty locator/);
  });
});
