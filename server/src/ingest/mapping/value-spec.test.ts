import { describe, expect, it } from 'vitest';
import type { Flag } from '../../domain/facts/flag.js';
import type { ValueSpec } from './mapping-schema.js';
import { RowReject } from './row-reject.js';
import { compileValue, type ValueContext } from './value-spec.js';

const read = (spec: ValueSpec, row: Record<string, unknown>, target: ValueContext['target'] = 'string', extra = {}) => {
  const flags: Flag[] = [];
  const value = compileValue(spec, { name: 'x.properties.p', target, ...extra }).read(row, { flags, region: 'RU' });
  return { value, flags };
};

describe('value specs', () => {
  it('reads a column, a dotted JSON path, a constant, a template; empty is absent', () => {
    expect(read('a', { a: ' text ' }).value).toBe('text');
    expect(read('tx.hash', { tx: { hash: '0xab' } }).value).toBe('0xab');
    expect(read({ value: 'seized' }, {}).value).toBe('seized');
    expect(read({ template: '{first} {last}' }, { first: 'Anna', last: 'Weber' }).value).toBe('Anna Weber');
    expect(read({ template: '{category} / {sub}' }, { category: 'Phishing', sub: '' }).value).toBe('Phishing');
    expect(read('a', { a: '  ' }).value).toBeUndefined();
    expect(read({ column: 'a', default: 'EUR' }, { a: '' }).value).toBe('EUR');
  });

  it('cleans values: pattern, lookup, lists, decimal commas, scaled amounts', () => {
    expect(read({ column: 'u', pattern: '^https?://([^/]+)' }, { u: 'http://scam.example/x' }).value).toBe(
      'scam.example',
    );
    expect(read({ column: 'r', map: { Оператор: 'caller', уборщик: null } }, { r: 'оператор' }).value).toBe('caller');
    expect(read({ column: 'r', map: { уборщик: null } }, { r: 'уборщик' }).value).toBeUndefined();
    expect(read({ column: 'l', split: ',' }, { l: 'Alex, Max' }, 'string[]').value).toEqual(['Alex', 'Max']);
    expect(read({ column: 'm', decimalComma: true }, { m: '1.234,56' }, 'decimal').value).toBe('1234.56');
    expect(read({ column: 'wei', scale: -18 }, { wei: '1500000000000000000' }, 'decimal').value).toBe('1.5');
  });

  it('reads dates with the format and zone given, leaving ISO with an offset to the model', () => {
    const ctx = { timeZone: 'Europe/Moscow', dateTimeFormat: 'DD.MM.YYYY HH:mm' };
    expect(read('t', { t: '01.02.2025 12:00' }, 'datetime', ctx).value).toBe('2025-02-01T09:00:00.000Z');
    expect(read('t', { t: '2025-02-01T12:00:00+01:00' }, 'datetime', { timeZone: 'Europe/Moscow' }).value).toBe(
      '2025-02-01T12:00:00+01:00',
    );
    expect(read('t', { t: '2025-02-01 12:00' }, 'datetime', { timeZone: 'Europe/Moscow' }).value).toBe(
      '2025-02-01T09:00:00.000Z',
    );
    expect(() => read('t', { t: '2025-02-01' }, 'datetime', ctx)).toThrow(/does not match the format/);
  });

  it('canonicalises keys (phone with the region, country, wallet), flagging what does not normalise', () => {
    expect(read({ column: 'n', normalise: 'phone' }, { n: '8 495 555-10-01' }, 'key').value).toBe('+74955551001');
    expect(read({ column: 'c', normalise: 'country' }, { c: 'Германия' }, 'key').value).toBe('DE');
    const bad = read({ column: 'n', normalise: 'phone' }, { n: '123' }, 'key');
    expect(bad.value).toBe('123');
    expect(bad.flags).toHaveLength(1);
  });

  it('rejects a row naming the column: required and empty, a list where one value goes, an object', () => {
    const reject = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof RowReject ? `${e.field}: ${e.message}` : String(e);
      }
      return 'no reject';
    };
    expect(reject(() => read({ column: 'a', required: true }, { a: '' }))).toMatch(/^a: a is empty/);
    expect(reject(() => read('a', { a: ['x', 'y'] }))).toMatch(/^a: a holds a list/);
    expect(reject(() => read('a', { a: { b: 1 } }))).toMatch(/^a: a holds an object/);
  });
});
