import { describe, expect, it } from 'vitest';
import type { QueryParamInfo } from '../../api/queries';
import { expectedOf, formFields, initialTexts, readForm, readParam, type KindPrefix } from './param-form';
import { param, savedQuery } from './testing';

const PREFIXES: KindPrefix[] = [
  { name: 'CallCentre', idPrefix: 'callcentre' },
  { name: 'Victim', idPrefix: 'victim' },
  { name: 'PhoneNumber', idPrefix: 'phone' },
];

const centre = param({
  name: 'centre',
  type: 'id',
  typeText: 'id<CallCentre>',
  kinds: ['CallCentre'],
  default: 'callcentre:moscow-orion',
});
const maxHops = param({ name: 'maxHops', type: 'int', default: 4, min: 1, max: 6 });
const number = param({ name: 'number', type: 'id', kinds: ['PhoneNumber'], optional: true });
const from = param({ name: 'from', type: 'date', default: '2024-01-01' });
const victims = param({
  name: 'victims',
  type: 'list',
  typeText: 'list<id<Victim>>',
  itemType: 'id',
  kinds: ['Victim'],
  required: true,
});
const centreToGroup = savedQuery([centre, maxHops]);

describe('formFields', () => {
  it('draws a field per declared parameter, of its type, with the default filled in', () => {
    const fields = formFields(savedQuery([centre, maxHops, number, from, victims]), PREFIXES);
    expect(fields.map((f) => [f.name, f.input, f.initial])).toEqual([
      ['centre', 'entity', 'callcentre:moscow-orion'],
      ['maxHops', 'int', '4'],
      ['number', 'entity', ''],
      ['from', 'date', '2024-01-01'],
      ['victims', 'list', ''],
    ]);
    expect(fields[0]).toMatchObject({ kinds: ['CallCentre'], expected: 'an id of a CallCentre (callcentre:<key>)' });
    expect(fields[1]).toMatchObject({
      min: 1,
      max: 6,
      expected: 'a whole number from 1 to 6',
      placeholder: 'default 4',
    });
    expect(fields[2]?.placeholder).toBe('optional: empty means none');
    expect(fields[4]).toMatchObject({ required: true, placeholder: 'required' });
  });

  it('words every type the library format has', () => {
    const words = (p: QueryParamInfo) => expectedOf(p, PREFIXES);
    expect(words(param({ name: 's', type: 'string' }))).toBe('a string');
    expect(words(param({ name: 'f', type: 'float', min: 0 }))).toBe('a number of at least 0');
    expect(words(param({ name: 'b', type: 'boolean' }))).toBe('true or false');
    expect(words(param({ name: 'd', type: 'date' }))).toBe('a date YYYY-MM-DD');
    expect(words(param({ name: 'any', type: 'id' }))).toBe('an entity id <prefix>:<key>');
    expect(words(victims)).toBe('a list of id of a Victim (victim:<key>), separated by commas');
    expect(words(param({ name: 'xs', type: 'list', itemType: 'int', max: 9 }))).toBe(
      'a list of whole number of at most 9, separated by commas',
    );
  });

  it('starts from the defaults, a list default joined, and a node preset over them', () => {
    const tags = param({ name: 'tags', type: 'list', itemType: 'string', default: ['a', 'b'] });
    expect(initialTexts(savedQuery([centre, maxHops, tags]))).toEqual({
      centre: 'callcentre:moscow-orion',
      maxHops: '4',
      tags: 'a, b',
    });
    expect(initialTexts(centreToGroup, { centre: 'callcentre:spb-1' }).centre).toBe('callcentre:spb-1');
  });
});

describe('readParam', () => {
  it('reads each type into what the server binds', () => {
    const read = (p: QueryParamInfo, text: string) => readParam(p, text, PREFIXES);
    expect(read(maxHops, ' 3 ')).toEqual({ ok: true, value: 3, omitted: false });
    expect(read(param({ name: 'f', type: 'float' }), '12.5')).toMatchObject({ value: 12.5 });
    expect(read(param({ name: 'b', type: 'boolean' }), 'false')).toMatchObject({ value: false });
    expect(read(from, '2024-02-29')).toMatchObject({ value: '2024-02-29' });
    expect(read(param({ name: 't', type: 'datetime' }), '2025-02-01T10:00')).toMatchObject({
      value: '2025-02-01T10:00:00.000Z',
    });
    expect(read(param({ name: 't', type: 'datetime' }), '2025-02-01T12:00+02:00')).toMatchObject({
      value: '2025-02-01T10:00:00.000Z',
    });
    expect(read(param({ name: 's', type: 'string' }), ' at large ')).toMatchObject({ value: ' at large ' });
    expect(read(victims, 'victim:v-1, victim:v-2\nvictim:v-3')).toMatchObject({
      value: ['victim:v-1', 'victim:v-2', 'victim:v-3'],
    });
  });

  it('names the parameter and the type expected when a value does not fit', () => {
    const message = (p: QueryParamInfo, text: string) => {
      const r = readParam(p, text, PREFIXES);
      return r.ok ? null : r.message;
    };
    expect(message(maxHops, '9')).toBe('maxHops: expected a whole number from 1 to 6, got "9"');
    expect(message(maxHops, '2.5')).toBe('maxHops: expected a whole number from 1 to 6, got "2.5"');
    expect(message(centre, 'victim:v-0001')).toBe(
      'centre: expected an id of a CallCentre (callcentre:<key>), got "victim:v-0001" (a Victim)',
    );
    expect(message(centre, 'moscow-orion')).toContain('centre: expected an id of a CallCentre');
    expect(message(from, '2024-02-30')).toBe('from: expected a date YYYY-MM-DD, got "2024-02-30"');
    expect(message(from, '01/02/2024')).toContain('from: expected a date YYYY-MM-DD');
    expect(message(param({ name: 'b', type: 'boolean' }), 'yes')).toBe('b: expected true or false, got "yes"');
    expect(message(param({ name: 'f', type: 'float' }), '1,5')).toContain('f: expected a number');
    expect(message(victims, 'victim:v-1, phone:+7')).toBe(
      'victims, item 2: expected a list of id of a Victim (victim:<key>), separated by commas, got "phone:+7" (a PhoneNumber)',
    );
  });

  it('leaves an empty field out (the default or null applies) unless it is required', () => {
    expect(readParam(maxHops, '  ', PREFIXES)).toEqual({ ok: true, value: undefined, omitted: true });
    expect(readParam(number, '', PREFIXES)).toMatchObject({ ok: true, omitted: true });
    expect(readParam(victims, '', PREFIXES)).toEqual({
      ok: false,
      message: 'victims is required: expected a list of id of a Victim (victim:<key>), separated by commas',
    });
  });
});

describe('readForm', () => {
  it('gives the parameters to send, empty ones left out', () => {
    expect(
      readForm(savedQuery([centre, maxHops, number]), { centre: 'callcentre:x', maxHops: '2', number: '' }, PREFIXES),
    ).toEqual({
      ok: true,
      params: { centre: 'callcentre:x', maxHops: 2 },
    });
  });

  it('collects a message for every parameter at fault', () => {
    const reading = readForm(centreToGroup, { centre: 'victim:v-1', maxHops: 'many' }, PREFIXES);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(Object.keys(reading.errors)).toEqual(['centre', 'maxHops']);
    expect(reading.errors['maxHops']).toBe('maxHops: expected a whole number from 1 to 6, got "many"');
  });
});
