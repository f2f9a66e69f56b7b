import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityId, entityIdFor, linkId, slugKey } from './ids.js';
import { kindOfId } from './model/index.js';
import { sha256Hex } from './provenance.js';

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('entity ids', () => {
  it('slugs given keys: trimmed, lower-case, inner whitespace as "-"', () => {
    expect(entityId('CallCentre', '  Moscow 1 ')).toBe('callcentre:moscow-1');
    expect(entityId('Victim', 'V-0001')).toBe('victim:v-0001');
    expect(entityId('Person', 'Ivan\t \nPetrov')).toBe('person:ivan-petrov');
    expect(entityIdFor('TradingPlatform', 'Crypto Gain')).toEqual({ id: 'platform:crypto-gain', flags: [] });
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.trim() !== ''),
        (s) => {
          const id = entityId('Victim', s);
          expect(id).toBe(entityId('Victim', ` ${s.toUpperCase()} `.toLowerCase()));
          expect(id).not.toMatch(/\s/);
          expect(kindOfId(id).name).toBe('Victim');
          expect(slugKey(slugKey(s))).toBe(slugKey(s));
        },
      ),
    );
  });

  it('takes natural keys as already normalised in entityId', () => {
    expect(entityId('PhoneNumber', '+74951234567')).toBe('phone:+74951234567');
    expect(entityId('Wallet', 'btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(
      'wallet:btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    );
  });

  it('normalises natural keys in entityIdFor', () => {
    expect(entityIdFor('PhoneNumber', '8 (495) 123-45-67', { defaultRegion: 'RU' })).toEqual({
      id: 'phone:+74951234567',
      flags: [],
    });
    expect(entityIdFor('PhoneNumber', ' 12  34 ')).toEqual({
      id: 'phone:invalid:12 34',
      flags: [{ field: 'number', value: '12 34', reason: expect.any(String) }],
    });
    expect(entityIdFor('Wallet', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed').id).toBe(
      'wallet:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    );
    expect(entityIdFor('Wallet', ' 0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed ')).toEqual({
      id: 'wallet:invalid:0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      flags: [
        { field: 'address', value: '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed', reason: 'EIP-55 checksum mismatch' },
      ],
    });
    expect(entityIdFor('Country', 'Российская Федерация').id).toBe('country:RU');
    expect(entityIdFor('SourceFile', SHA.toUpperCase()).id).toBe(`source:${SHA}`);
  });

  it('refuses unknown kinds, empty keys and malformed hashes, naming them', () => {
    expect(() => entityId('Spaceship', 'x')).toThrow(/kind: unknown kind "Spaceship"/);
    expect(() => entityIdFor('Spaceship', 'x')).toThrow(/"Spaceship"/);
    expect(() => entityId('Victim', '  ')).toThrow(/key: empty key for Victim/);
    expect(() => entityIdFor('PhoneNumber', ' ')).toThrow(/number: PhoneNumber.number is empty/);
    expect(() => entityIdFor('SourceFile', 'abc')).toThrow(/sha256: "abc" is not a SHA-256/);
  });
});

describe('link ids', () => {
  it('follows link:<TYPE>:<16 hex of sha256(from|to[|key...])>', () => {
    const from = 'phone:+74951234567';
    const to = 'victim:v-0001';
    expect(linkId('IMPERSONATES', from, 'agency:fsb')).toBe(
      `link:IMPERSONATES:${sha256Hex(`${from}|agency:fsb`).slice(0, 16)}`,
    );
    const at = '2024-05-01T10:11:12.000Z';
    expect(linkId('CALLED', from, to, [at])).toBe(`link:CALLED:${sha256Hex(`${from}|${to}|${at}`).slice(0, 16)}`);
    expect(linkId('PAID', to, 'wallet:eth:0xab', ['0xtx', at, '1.5'])).toBe(
      `link:PAID:${sha256Hex(`${to}|wallet:eth:0xab|0xtx|${at}|1.5`).slice(0, 16)}`,
    );
    expect(linkId('CALLED', from, to, [at])).not.toBe(linkId('CALLED', to, from, [at]));
    expect(linkId('CALLED', from, to, [at])).toMatch(/^link:CALLED:[0-9a-f]{16}$/);
  });

  it('refuses an unknown relationship type, naming it', () => {
    expect(() => linkId('LIKES', 'a:b', 'c:d')).toThrow(/type: unknown relationship type "LIKES"/);
  });
});
