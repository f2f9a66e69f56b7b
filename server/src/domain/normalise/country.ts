import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import { EXTRA_COUNTRY_NAMES } from './country-names.js';

export type CountryResult = { ok: true; code: string; name: string } | { ok: false; raw: string; reason: string };

countries.registerLocale(en);
countries.registerLocale(ru);

/**
 * Folds a name for matching: case, diacritics (so "ё" = "е", "Côte" = "Cote"), dots and apostrophes
 * ("U.S.A." = "USA", "d'Ivoire" = "dIvoire"), other punctuation as spaces, a leading article.
 */
export function foldCountryName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[.'’ʼ`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Variants the locales imply: "Moldova, Republic of" -> "Republic of Moldova", "Moldova"; "X (Y)" -> X, Y. */
function derivedNames(name: string): string[] {
  const out: string[] = [];
  const comma = /^(.+?),\s*(.+)$/.exec(name);
  if (comma) out.push(comma[1]!, `${comma[2]} ${comma[1]}`);
  const paren = /^(.+?)\s*\((.+)\)$/.exec(name);
  if (paren) out.push(paren[1]!, paren[2]!);
  return out;
}

/**
 * folded name -> alpha-2 codes, in tiers: the locales' own names win over derived variants and our
 * extra names, so an extra name can never shadow a real one. A name with two codes is ambiguous.
 */
function buildIndex(): Array<Map<string, Set<string>>> {
  const tiers = [new Map<string, Set<string>>(), new Map<string, Set<string>>()];
  const add = (tier: number, name: string, code: string) => {
    const key = foldCountryName(name);
    if (key === '') return;
    const map = tiers[tier]!;
    map.set(key, (map.get(key) ?? new Set()).add(code));
  };
  for (const lang of ['en', 'ru']) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        add(0, name, code);
        for (const variant of derivedNames(name)) add(1, variant, code);
      }
    }
  }
  for (const [code, names] of Object.entries(EXTRA_COUNTRY_NAMES)) for (const name of names) add(1, name, code);
  return tiers;
}

const index = buildIndex();
const alpha3 = countries.getAlpha3Codes();
const numeric = countries.getNumericCodes();

function ok(code: string) {
  return { ok: true, code, name: countries.getName(code, 'en') ?? code } as const;
}

/**
 * A country as ISO 3166-1 alpha-2 from an alpha-2, alpha-3 or numeric code, or an English or Russian
 * name (case, diacritics and punctuation insensitive). Never throws; a name that is unknown or that
 * fits two countries ("Congo") comes back with a reason.
 */
export function normaliseCountry(raw: string): CountryResult {
  if (typeof raw !== 'string') return { ok: false, raw: String(raw), reason: 'not a string' };
  const text = raw.trim();
  if (text === '') return { ok: false, raw, reason: 'empty' };
  if (/^\d{1,3}$/.test(text)) {
    const code = numeric[text.padStart(3, '0')];
    return code ? ok(code) : { ok: false, raw, reason: `no country has the numeric code ${text}` };
  }
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return ok(upper);
  const fromAlpha3 = /^[A-Z]{3}$/.test(upper) ? alpha3[upper] : undefined;
  if (fromAlpha3) return ok(fromAlpha3);
  const key = foldCountryName(text);
  for (const tier of index) {
    const codes = tier.get(key);
    if (!codes) continue;
    if (codes.size === 1) return ok([...codes][0]!);
    return { ok: false, raw, reason: `ambiguous country name (could be ${[...codes].sort().join(', ')})` };
  }
  return { ok: false, raw, reason: 'not a country code or a country name in English or Russian' };
}
