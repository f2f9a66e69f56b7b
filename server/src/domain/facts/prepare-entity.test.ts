import { describe, expect, it } from 'vitest';
import { prepareEntity } from './prepare-entity.js';

const source = { sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', locator: 'line:7' };

describe('prepareEntity', () => {
  it('normalises a phone number key and derives its properties, caption and search text', () => {
    const { write, flags } = prepareEntity(
      { kind: 'PhoneNumber', properties: { number: '8 (495) 123-45-67', spoofed: 'yes' } },
      source,
      { defaultRegion: 'RU' },
    );
    expect(flags).toEqual([]);
    expect(write).toEqual({
      id: 'phone:+74951234567',
      kind: 'PhoneNumber',
      properties: {
        spoofed: true,
        number: '+74951234567',
        raw: '8 (495) 123-45-67',
        valid: true,
        region: 'RU',
        lineType: 'fixed',
      },
      caption: '+74951234567',
      searchText: '+74951234567 8 (495) 123-45-67',
      source,
    });
  });

  it('keeps an invalid phone number raw, flagged, with valid=false', () => {
    const { write, flags } = prepareEntity({ kind: 'PhoneNumber', properties: { number: 'call me' } }, source);
    expect(write.id).toBe('phone:invalid:call me');
    expect(write.properties).toEqual({ number: 'call me', raw: 'call me', valid: false });
    expect(flags).toEqual([{ field: 'number', value: 'call me', reason: expect.stringMatching(/not a phone number/) }]);
  });

  it('keys wallets by chain and canonical address; a bad checksum is kept and flagged', () => {
    const good = prepareEntity(
      { kind: 'Wallet', properties: { address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', label: 'deposit' } },
      source,
    );
    expect(good.write.id).toBe('wallet:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed');
    expect(good.write.properties).toMatchObject({
      address: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
      chain: 'eth',
      valid: true,
    });
    const bad = prepareEntity(
      { kind: 'Wallet', properties: { address: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8' } },
      source,
    );
    expect(bad.write.id).toBe('wallet:invalid:TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8');
    expect(bad.write.properties).toEqual({ address: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8', chain: 'trx', valid: false });
    expect(bad.flags).toEqual([
      { field: 'address', value: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8', reason: 'base58check checksum mismatch' },
    ]);
  });

  it('keys countries by alpha-2 from a name, the key, or the code property', () => {
    expect(prepareEntity({ kind: 'Country', properties: { code: 'Германия' } }, source).write).toMatchObject({
      id: 'country:DE',
      properties: { code: 'DE', name: 'Germany' },
      caption: 'Germany',
    });
    expect(prepareEntity({ kind: 'Country', key: 'deu', properties: {} }, source).write.id).toBe('country:DE');
    const bad = prepareEntity({ kind: 'Country', properties: { code: 'Atlantis' } }, source);
    expect(bad.write.id).toBe('country:invalid:atlantis');
    expect(bad.flags[0]).toMatchObject({ field: 'code', value: 'Atlantis' });
  });

  it('slugs given keys and coerces every property type from strings', () => {
    const { write, flags } = prepareEntity(
      {
        kind: 'CallCentre',
        key: 'Moscow 1',
        properties: {
          name: ' Moscow office 1 ',
          city: 'Moscow',
          country: 'Россия',
          workstationCount: '1 200',
          staffCount: 300,
          status: 'RAIDED',
          raidedAt: '2024-05-01 06:00',
          address: '',
        },
      },
      source,
      { timeZone: '+03:00' },
    );
    expect(flags).toEqual([]);
    expect(write.id).toBe('callcentre:moscow-1');
    expect(write.properties).toEqual({
      name: 'Moscow office 1',
      city: 'Moscow',
      country: 'RU',
      workstationCount: 1200,
      staffCount: 300,
      status: 'raided',
      raidedAt: '2024-05-01T03:00:00.000Z',
    });
    expect(write.caption).toBe('Moscow office 1');
    expect(write.searchText).toBe('Moscow office 1 Moscow moscow-1');
  });

  it('reads lists, enumerations, dates, decimals and booleans', () => {
    const person = prepareEntity(
      {
        kind: 'Person',
        key: 'p-1',
        properties: {
          aliases: 'Vanya; Ivan the caller|Vanya',
          role: 'Team_Lead',
          status: 'at-large',
          birthDate: '01.02.1990',
          languages: ['ru', 'en', null],
          nationality: 'UK',
        },
      },
      source,
    ).write;
    expect(person.properties).toEqual({
      aliases: ['Vanya', 'Ivan the caller'],
      role: 'team lead',
      status: 'at large',
      birthDate: '1990-02-01',
      languages: ['ru', 'en'],
      nationality: 'GB',
    });
    expect(person.caption).toBe('p-1');
    expect(person.searchText).toBe('Vanya Ivan the caller p-1');
    const victim = prepareEntity(
      {
        kind: 'Victim',
        key: 'V-0001',
        properties: { reportedLoss: '12 500.00', phone: '+49 30 12345678', country: 'Narnia' },
      },
      source,
    );
    expect(victim.write.properties).toEqual({ reportedLoss: '12500', phone: '+493012345678', country: 'Narnia' });
    expect(victim.flags).toEqual([
      { field: 'country', value: 'Narnia', reason: expect.stringMatching(/not a country/) },
    ]);
    expect(
      prepareEntity({ kind: 'PhoneNumber', properties: { number: '+7 916 123 45 67', spoofed: '0' } }, source).write
        .properties.spoofed,
    ).toBe(false);
  });

  it('refuses unknown kinds, properties and badly typed values, naming field, value and type', () => {
    expect(() => prepareEntity({ kind: 'Spaceship', key: 'x', properties: {} }, source)).toThrow(
      /kind: unknown kind "Spaceship"/,
    );
    expect(() => prepareEntity({ kind: 'Victim', key: 'v', properties: { shoeSize: 42 } }, source)).toThrow(
      /property: Victim has no property "shoeSize"/,
    );
    expect(() => prepareEntity({ kind: 'Victim', key: 'v', properties: { constructor: 'x' } }, source)).toThrow(
      /no property "constructor"/,
    );
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [
        'CallCentre',
        { workstationCount: 'many' },
        /workstationCount: CallCentre.workstationCount expects int, got "many"/,
      ],
      ['CallCentre', { workstationCount: '12.5' }, /expects int, got "12.5": not a whole number/],
      [
        'CallCentre',
        { status: 'burnt' },
        /status: CallCentre.status expects string, got "burnt": not one of: active, raided, closed, unknown/,
      ],
      [
        'CallCentre',
        { raidedAt: '2024-02-30' },
        /raidedAt: CallCentre.raidedAt expects datetime, got "2024-02-30": no such date/,
      ],
      ['Person', { birthDate: '1990-13-01' }, /birthDate: Person.birthDate expects date, got "1990-13-01"/],
      [
        'Victim',
        { reportedLoss: '12,5' },
        /reportedLoss: Victim.reportedLoss expects decimal, got "12,5": ambiguous separator/,
      ],
      ['Person', { aliases: { a: 1 } }, /aliases: Person.aliases expects string\[\], got \{"a":1\}/],
      ['Person', { name: ['a'] }, /name: Person.name expects string, got \["a"\]: not a text value/],
    ];
    for (const [kind, properties, message] of cases) {
      expect(() => prepareEntity({ kind, key: 'k', properties }, source), message.source).toThrow(message);
    }
    expect(() => prepareEntity({ kind: 'PhoneNumber', properties: { spoofed: true } }, source)).toThrow(
      /number: PhoneNumber needs "number"/,
    );
    expect(() =>
      prepareEntity({ kind: 'PhoneNumber', properties: { number: '+7 916 123 45 67', spoofed: 'maybe' } }, source),
    ).toThrow(/spoofed: PhoneNumber.spoofed expects boolean, got "maybe": expected yes\/no/);
    expect(() => prepareEntity({ kind: 'Victim', properties: { name: 'A' } }, source)).toThrow(
      /key: Victim needs a key/,
    );
    expect(() =>
      prepareEntity({ kind: 'Victim', key: 'v', properties: {} }, { sha256: 'x', locator: 'line:1' }),
    ).toThrow(/source:/);
  });

  it('treats empty strings, null and undefined as absent', () => {
    const { write } = prepareEntity(
      { kind: 'Victim', key: 'v', properties: { name: ' ', email: null, complaintRef: undefined } },
      source,
    );
    expect(write.properties).toEqual({});
    expect(write.caption).toBe('v');
    expect(write.searchText).toBe('v');
  });

  it('prepares source files by their hash', () => {
    const sha = source.sha256;
    const { write } = prepareEntity(
      {
        kind: 'SourceFile',
        properties: {
          sha256: sha.toUpperCase(),
          name: 'report.txt',
          basis: 'Reported',
          loadedAt: '2024-05-01T10:00:00Z',
        },
      },
      source,
    );
    expect(write.id).toBe(`source:${sha}`);
    expect(write.properties).toMatchObject({ sha256: sha, basis: 'reported', loadedAt: '2024-05-01T10:00:00.000Z' });
  });
});
