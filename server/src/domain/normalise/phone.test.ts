import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { entityIdFor } from '../ids.js';
import { normalisePhone } from './phone.js';

// Regions the case touches (callers in Russia and its neighbours, victims in 20+ countries).
const REGIONS: CountryCode[] = [
  'RU',
  'KZ',
  'UA',
  'BY',
  'GE',
  'AM',
  'DE',
  'GB',
  'FR',
  'IT',
  'ES',
  'NL',
  'PL',
  'CZ',
  'AT',
  'CH',
  'SE',
  'NO',
  'US',
  'CA',
  'AU',
  'NZ',
  'JP',
  'KR',
  'IN',
  'BR',
  'MX',
  'ZA',
  'IL',
  'AE',
  'TR',
  'AR',
];

/** A valid mobile number of a region: the example with its last digits replaced. */
const validNumber = fc
  .tuple(fc.constantFrom(...REGIONS), fc.integer({ min: 0, max: 9999 }))
  .map(([region, tail]) => {
    const example = getExampleNumber(region, examples)!;
    const national = example.nationalNumber;
    const digits = `${national.slice(0, -4)}${String(tail).padStart(4, '0')}`;
    return { region, number: parsePhoneNumberFromString(digits, region)! };
  })
  .filter(({ number }) => number !== undefined && number.isValid());

const separators = fc.array(fc.constantFrom('', ' ', '-', '.', ' - '), { minLength: 20, maxLength: 20 });
const punctuate = (digits: string, seps: string[]) =>
  [...digits]
    .map((d, i) => `${d}${seps[i] ?? ''}`)
    .join('')
    .trim();

describe('normalisePhone', () => {
  it('maps a valid number in national, international and punctuated forms to one E.164', () => {
    fc.assert(
      fc.property(validNumber, separators, ({ region, number }, seps) => {
        const e164 = number.number;
        const spellings: Array<[string, string | undefined]> = [
          [e164, undefined],
          [number.formatInternational(), undefined],
          [number.formatNational(), region],
          [number.format('RFC3966'), undefined],
          [`00${e164.slice(1)}`, undefined],
          [`+${punctuate(e164.slice(1), seps)}`, undefined],
          [`+${number.countryCallingCode} (${punctuate(number.nationalNumber, seps)})`, 'RU'],
          [` ${number.formatInternational()}\t`, region],
        ];
        for (const [raw, defaultRegion] of spellings) {
          const r = normalisePhone(raw, defaultRegion);
          expect(r, `${raw} (${defaultRegion})`).toMatchObject({ ok: true, e164 });
          expect(entityIdFor('PhoneNumber', raw, defaultRegion ? { defaultRegion } : {}).id).toBe(`phone:${e164}`);
        }
      }),
    );
  });

  it('knows the line type and region', () => {
    expect(normalisePhone('+7 916 123-45-67')).toEqual({
      ok: true,
      e164: '+79161234567',
      region: 'RU',
      lineType: 'mobile',
    });
    expect(normalisePhone('8 (495) 123-45-67', 'ru')).toEqual({
      ok: true,
      e164: '+74951234567',
      region: 'RU',
      lineType: 'fixed',
    });
    expect(normalisePhone('+44 20 7946 0958')).toMatchObject({ lineType: 'fixed', region: 'GB' });
    expect(normalisePhone('+1 202 555 0123')).toMatchObject({ ok: true, lineType: 'unknown', region: 'US' });
    expect(normalisePhone('+800 1234 5678')).toEqual({ ok: true, e164: '+80012345678', lineType: 'toll free' });
  });

  it('never throws on junk and reports it; the id keeps it raw and flags it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom(undefined, 'RU', 'DE'),
        (s, region) => {
          const r = normalisePhone(s, region);
          if (!r.ok) expect(r.raw).toBe(s);
        },
      ),
    );
    // Without any digit nothing can be a phone number (letters only count in "1-800-FLOWERS" style).
    const junk = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => !/[\p{Nd}]/u.test(s) && s.trim() !== '');
    fc.assert(
      fc.property(junk, (s) => {
        expect(normalisePhone(s, 'RU').ok).toBe(false);
        const { id, flags } = entityIdFor('PhoneNumber', s, { defaultRegion: 'RU' });
        expect(id).toBe(`phone:invalid:${s.trim().replace(/\s+/g, ' ')}`);
        expect(flags).toHaveLength(1);
        expect(flags[0]).toMatchObject({ field: 'number', value: s.trim().replace(/\s+/g, ' ') });
      }),
    );
  });

  it('accepts exactly the numbers libphonenumber calls valid (it asks for the type once, not isValid too)', () => {
    // Random digits (mostly invalid) and real numbers with a digit changed (often valid, sometimes not).
    const changed = fc.tuple(validNumber, fc.nat(), fc.integer({ min: 0, max: 9 })).map(([{ number }, at, d]) => {
      const n = number.number;
      const i = 2 + (at % (n.length - 2));
      return n.slice(0, i) + String(d) + n.slice(i + 1);
    });
    const digits = fc.oneof(fc.stringMatching(/^\+?[0-9]{3,15}$/), changed);
    fc.assert(
      fc.property(digits, fc.constantFrom<CountryCode | undefined>(undefined, ...REGIONS), (raw, region) => {
        const parsed = parsePhoneNumberFromString(raw, region);
        const r = normalisePhone(raw, region);
        expect(r.ok, `${raw} (${region})`).toBe(parsed?.isValid() === true);
        if (r.ok) expect(r.e164).toBe(parsed!.number);
      }),
      { numRuns: 2000 },
    );
  });

  it('explains why a number is refused', () => {
    expect(normalisePhone('12345', 'RU')).toEqual({
      ok: false,
      raw: '12345',
      reason: 'wrong length for the numbering plan of +7',
    });
    expect(normalisePhone('495 123 45 67')).toMatchObject({ ok: false, reason: /no default region/ });
    expect(normalisePhone('hello', 'RU')).toMatchObject({ ok: false, raw: 'hello', reason: 'not a phone number' });
    expect(normalisePhone('   ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(normalisePhone('+7'.padEnd(80, '1'))).toMatchObject({ ok: false, reason: /longer than/ });
    expect(() => normalisePhone('+7 495 123 45 67', 'XX')).toThrow(/defaultRegion: "XX"/);
  });
});
