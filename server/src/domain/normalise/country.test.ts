import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { entityIdFor } from '../ids.js';
import { foldCountryName, normaliseCountry } from './country.js';

const codes = Object.keys(countries.getAlpha2Codes());
const names = (lang: string) => Object.entries(countries.getNames(lang, { select: 'all' }));

/** Folded names the library itself gives to two countries ("Congo"): no normaliser can pick one. */
const shared = new Set<string>();
{
  const seen = new Map<string, string>();
  for (const lang of ['en', 'ru']) {
    for (const [code, list] of names(lang)) {
      for (const name of list) {
        const key = foldCountryName(name);
        if (seen.has(key) && seen.get(key) !== code) shared.add(key);
        seen.set(key, code);
      }
    }
  }
}

const code = (raw: string) => {
  const r = normaliseCountry(raw);
  return r.ok ? r.code : `error: ${r.reason}`;
};

describe('normaliseCountry', () => {
  it('maps every alpha-2, alpha-3 and numeric code back to its alpha-2', () => {
    expect(codes.length).toBeGreaterThan(240);
    for (const alpha2 of codes) {
      expect(code(alpha2)).toBe(alpha2);
      expect(code(alpha2.toLowerCase())).toBe(alpha2);
      expect(code(countries.alpha2ToAlpha3(alpha2)!)).toBe(alpha2);
      const numeric = countries.alpha2ToNumeric(alpha2)!;
      expect(code(numeric)).toBe(alpha2);
      expect(code(String(Number(numeric)))).toBe(alpha2);
    }
  });

  it('maps every English and Russian name of the library back to its alpha-2, or calls it ambiguous', () => {
    let checked = 0;
    for (const lang of ['en', 'ru']) {
      for (const [alpha2, list] of names(lang)) {
        for (const name of list) {
          if (shared.has(foldCountryName(name))) expect(code(name)).toMatch(/^error: ambiguous/);
          else expect(code(name), `${lang} ${name}`).toBe(alpha2);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(shared.size).toBeLessThan(5);
  });

  it('ignores case, diacritics and punctuation', () => {
    const all = names('en')
      .concat(names('ru'))
      .flatMap(([c, list]) => list.map((n) => [c, n] as const));
    const unambiguous = all.filter(([, n]) => !shared.has(foldCountryName(n)));
    fc.assert(
      fc.property(
        fc.constantFrom(...unambiguous),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        ([c, n], flips) => {
          const scrambled = [...n].map((ch, i) => (flips[i] ? ch.toUpperCase() : ch.toLowerCase())).join('');
          expect(code(`  ${scrambled.normalize('NFD')} `)).toBe(c);
        },
      ),
    );
  });

  it('knows common variants', () => {
    for (const [raw, alpha2] of [
      ['Russia', 'RU'],
      ['Российская Федерация', 'RU'],
      ['россия', 'RU'],
      ['РФ', 'RU'],
      ['UK', 'GB'],
      ['England', 'GB'],
      ['Великобритания', 'GB'],
      ['U.S.A.', 'US'],
      ['Соединенные Штаты Америки', 'US'],
      ['Moldova', 'MD'],
      ['Republic of Moldova', 'MD'],
      ['Cote d’Ivoire', 'CI'],
      ['the Netherlands', 'NL'],
      ['Holland', 'NL'],
      ['Turkey', 'TR'],
      ['TÜRKİYE', 'TR'],
      ['Белоруссия', 'BY'],
      ['Китай', 'CN'],
      ['British Virgin Islands', 'VG'],
      ['Германия', 'DE'],
      ['Kosovo', 'XK'],
      ['Vatican', 'VA'],
    ] as const) {
      expect(code(raw), raw).toBe(alpha2);
    }
    expect(normaliseCountry('Russia')).toEqual({ ok: true, code: 'RU', name: 'Russian Federation' });
  });

  it('explains what it cannot map, never throws', () => {
    expect(normaliseCountry('Congo')).toEqual({
      ok: false,
      raw: 'Congo',
      reason: 'ambiguous country name (could be CD, CG)',
    });
    expect(normaliseCountry('Narnia')).toMatchObject({
      ok: false,
      raw: 'Narnia',
      reason: /not a country code or a country name/,
    });
    expect(normaliseCountry('999')).toMatchObject({ ok: false, reason: 'no country has the numeric code 999' });
    expect(normaliseCountry('')).toMatchObject({ ok: false, reason: 'empty' });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => void normaliseCountry(s)));
    expect(entityIdFor('Country', ' Narnia  Land ')).toEqual({
      id: 'country:invalid:narnia land',
      flags: [
        { field: 'code', value: 'Narnia Land', reason: 'not a country code or a country name in English or Russian' },
      ],
    });
    expect(entityIdFor('Country', 'Deutschland').id).toBe('country:invalid:deutschland');
    expect(entityIdFor('Country', 'germany')).toEqual({ id: 'country:DE', flags: [] });
  });
});
