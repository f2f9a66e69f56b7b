import { describe, expect, it } from 'vitest';
import { model } from '../../../server/src/domain/model/index.js';
import { loadQueryLibrary } from './library.js';
import { ParamError, resolveParams } from './params.js';

const trail = loadQueryLibrary(model).find('money-trail')!;
const calls = loadQueryLibrary(model).find('calls-per-number-per-day')!;

describe('saved-query parameters', () => {
  it('fill in defaults and keep given values', () => {
    expect(resolveParams(trail, { maxHops: 2 }, model)).toEqual({
      victim: 'victim:v-0002',
      maxHops: 2,
      minAmount: 0,
      from: '2024-01-01',
      to: '2025-12-31',
    });
  });

  it('read the command line’s text when asked to', () => {
    expect(resolveParams(trail, { maxHops: '4', minAmount: '10.5' }, model, { fromText: true })).toMatchObject({
      maxHops: 4,
      minAmount: 10.5,
    });
  });

  it('give null for an optional parameter left out', () => {
    expect(resolveParams(calls, {}, model).number).toBeNull();
  });

  it.each([
    [{ maxHops: 'three' }, 'parameter maxHops must be a whole number from 1 to 6 (int), got "three"'],
    [{ maxHops: 9 }, 'parameter maxHops must be a whole number from 1 to 6 (int), got 9'],
    [{ maxHops: 2.5 }, 'parameter maxHops must be a whole number from 1 to 6 (int), got 2.5'],
    [
      { victim: 'wallet:eth:0xab' },
      'parameter victim must be an id of a Victim (victim:<key>) (id<Victim>), got "wallet:eth:0xab"',
    ],
    [{ from: '01/02/2025' }, 'parameter from must be a date YYYY-MM-DD (date), got "01/02/2025"'],
    [{ minAmount: -1 }, 'parameter minAmount must be a number >= 0 (float), got -1'],
    [
      { maxhops: 2 },
      'money-trail has no parameter "maxhops" (did you mean maxHops?); its parameters: victim, maxHops, minAmount, from, to',
    ],
    [
      { victim: "victim:x' OR 1=1 //", maxHops: { $gt: 1 } },
      'parameter maxHops must be a whole number from 1 to 6 (int), got {"$gt":1}',
    ],
  ])('refuse %j naming the parameter and the type', (given, message) => {
    expect(() => resolveParams(trail, given, model)).toThrow(ParamError);
    expect(() => resolveParams(trail, given, model)).toThrow(message);
  });
});
