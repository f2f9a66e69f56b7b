import { int, isInt, types } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { dateTimeOut, integerOut, propertyIn, valueOut } from './values.js';

describe('integers from Neo4j', () => {
  it('are numbers within ±2^53 and decimal strings beyond', () => {
    expect(integerOut(int(42))).toBe(42);
    expect(integerOut(int('9007199254740991'))).toBe(9007199254740991);
    expect(integerOut(int('9007199254740993'))).toBe('9007199254740993');
    expect(integerOut(int('-9223372036854775808'))).toBe('-9223372036854775808');
    expect(integerOut(9007199254740993n)).toBe('9007199254740993');
    expect(integerOut(-5n)).toBe(-5);
  });

  it('are converted inside lists and maps', () => {
    expect(valueOut({ a: [int(1), int('9223372036854775807')], b: { c: int(-2) } })).toEqual({
      a: [1, '9223372036854775807'],
      b: { c: -2 },
    });
  });
});

describe('temporal values from Neo4j', () => {
  it('datetimes become ISO UTC with milliseconds', () => {
    expect(dateTimeOut(new types.DateTime(2024, 5, 1, 10, 11, 12, 123456789, 0))).toBe('2024-05-01T10:11:12.123Z');
    expect(dateTimeOut(new types.DateTime(2024, 5, 1, 13, 11, 12, 0, 3 * 3600))).toBe('2024-05-01T10:11:12.000Z');
    expect(dateTimeOut(new types.DateTime(int(2024), int(1), int(1), int(0), int(30), int(0), int(0), int(3600)))).toBe(
      '2023-12-31T23:30:00.000Z',
    );
    expect(dateTimeOut(new types.DateTime(45, 1, 2, 3, 4, 5, 0, 0))).toBe('0045-01-02T03:04:05.000Z');
  });

  it('a datetime in a named zone is resolved, with or without the offset the server sends', () => {
    expect(dateTimeOut(new types.DateTime(2024, 5, 1, 13, 11, 12, 5e6, 3 * 3600, 'Europe/Moscow'))).toBe(
      '2024-05-01T10:11:12.005Z',
    );
    expect(dateTimeOut(new types.DateTime(2024, 5, 1, 13, 11, 12, 0, undefined, 'Europe/Moscow'))).toBe(
      '2024-05-01T10:11:12.000Z',
    );
    // Summer and winter time in Berlin.
    expect(dateTimeOut(new types.DateTime(2024, 7, 1, 12, 0, 0, 0, undefined, 'Europe/Berlin'))).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(dateTimeOut(new types.DateTime(2024, 1, 1, 12, 0, 0, 0, undefined, 'Europe/Berlin'))).toBe(
      '2024-01-01T11:00:00.000Z',
    );
  });

  it('dates become YYYY-MM-DD', () => {
    expect(valueOut(new types.Date(2024, 2, 29))).toBe('2024-02-29');
  });
});

describe('graph objects', () => {
  it('never cross the boundary', () => {
    const node = new types.Node(int(1), ['Victim'], { id: 'victim:v-1' }, '4:x:1');
    expect(() => valueOut([node])).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

describe('property values to Neo4j', () => {
  it('sends int properties as Neo4j integers, exact beyond 2^53', () => {
    const v = propertyIn('CallCentre.staffCount', { type: 'int' }, 300);
    expect(isInt(v)).toBe(true);
    expect(String(v)).toBe('300');
    expect(String(propertyIn('x', { type: 'int' }, '9007199254740993'))).toBe('9007199254740993');
  });

  it('keeps decimals as exact strings and floats as numbers', () => {
    expect(propertyIn('PAID.amount', { type: 'decimal' }, '0.000000000000000001')).toBe('0.000000000000000001');
    expect(propertyIn('x', { type: 'float' }, 1.5)).toBe(1.5);
  });

  it('treats null and an empty list as not given', () => {
    expect(propertyIn('x', { type: 'string' }, null)).toBeNull();
    expect(propertyIn('x', { type: 'string[]' }, [])).toBeNull();
  });

  it('normalises datetimes to ISO UTC milliseconds and checks dates', () => {
    expect(propertyIn('x', { type: 'datetime' }, '2024-05-01T13:11:12.123456+03:00')).toBe('2024-05-01T10:11:12.123Z');
    expect(propertyIn('x', { type: 'date' }, '2024-02-29')).toBe('2024-02-29');
    expect(() => propertyIn('x', { type: 'datetime' }, '2024-05-01 10:11:12')).toThrow(/ISO 8601 datetime with a zone/);
    expect(() => propertyIn('x', { type: 'date' }, '01.05.2024')).toThrow(/a date YYYY-MM-DD/);
  });

  it('refuses an int beyond 64 bits and a decimal that is not one', () => {
    expect(() => propertyIn('x', { type: 'int' }, '9223372036854775808')).toThrow(/within 64 bits/);
    expect(() => propertyIn('x', { type: 'decimal' }, '1e5')).toThrow(/exact decimal string/);
  });

  it('refuses a value of the wrong type, naming the property', () => {
    expect(() => propertyIn('CallCentre.staffCount', { type: 'int' }, 1.5)).toThrow(
      /CallCentre\.staffCount: expects a whole number/,
    );
    expect(() => propertyIn('PAID.amount', { type: 'decimal' }, 1.5)).toThrow(/exact decimal string/);
    expect(() => propertyIn('x', { type: 'string[]' }, ['a', 1 as unknown as string])).toThrow(/list of strings/);
  });
});
