import type { Rng } from '../lib/rng.js';

/** Made-up names for the things a synthetic case needs. Domains are under `.example` (RFC 2606). */

/** Victims' countries, most frequent first (drawn with a Zipf skew). */
export const VICTIM_COUNTRIES = [
  'DE',
  'GB',
  'US',
  'FR',
  'IT',
  'ES',
  'NL',
  'PL',
  'AU',
  'CA',
  'AT',
  'CH',
  'BE',
  'SE',
  'JP',
  'KR',
  'CZ',
  'PT',
  'IE',
  'NO',
  'DK',
  'FI',
  'IL',
  'AE',
  'SG',
  'NZ',
  'GR',
  'HU',
  'RO',
  'SK',
  'SI',
  'HR',
  'LT',
  'LV',
  'EE',
  'LU',
  'CY',
  'MT',
  'HK',
  'TW',
  'MY',
  'TH',
  'BR',
  'MX',
  'AR',
  'CL',
  'ZA',
  'SA',
  'QA',
  'TR',
] as const;

/** Staff nationalities, most frequent first. */
export const NATIONALITIES = [
  'RU',
  'KZ',
  'UZ',
  'BY',
  'KG',
  'AM',
  'GE',
  'UA',
  'IN',
  'AZ',
  'TJ',
  'NG',
  'MD',
  'RS',
] as const;

/** Languages callers work in, most frequent first. */
export const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'pl', 'pt', 'nl', 'sv', 'cs', 'ja', 'ko', 'tr', 'ar'] as const;

/** Where the centres are: mostly Moscow, as in the report, some elsewhere. */
export const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['Moscow', 'RU'],
  ['Moscow', 'RU'],
  ['Moscow', 'RU'],
  ['Saint Petersburg', 'RU'],
  ['Tbilisi', 'GE'],
  ['Yerevan', 'AM'],
  ['Almaty', 'KZ'],
  ['Belgrade', 'RS'],
  ['Kyiv', 'UA'],
  ['Dnipro', 'UA'],
];

const STARTS = ['Bit', 'Quant', 'Nova', 'Aur', 'Lumi', 'Vex', 'Orb', 'Zen', 'Kryp', 'Astra', 'Delta', 'Fin'];
const ENDS = ['ora', 'ex', 'ium', 'ix', 'eon', 'ara', 'ovo', 'yx'];
const KINDS = ['Trade', 'Capital', 'Markets', 'FX', 'Invest', 'Assets', 'Pro'];

export function platformName(rng: Rng, index: number): { name: string; domains: string[] } {
  const brand = `${rng.pick(STARTS)}${rng.pick(ENDS)}`;
  const name = `${brand} ${rng.pick(KINDS)} ${index + 1}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const domains = [`${slug}.example`];
  if (rng.chance(0.4)) domains.push(`${slug}-app.example`);
  return { name, domains };
}

const AGENCY_TYPES = [
  ['police', 'Police Directorate'],
  ['security service', 'Security Service'],
  ['bank', 'Savings Bank'],
  ['regulator', 'Financial Markets Authority'],
  ['ministry', 'Ministry of Finance'],
] as const;

/** Fictional agencies to impersonate; the first two stand for the reported MVD and FSB. */
export function agency(index: number): { key: string; name: string; shortName: string; type: string; country: string } {
  if (index === 0)
    return {
      key: 'agency-0',
      name: 'Interior Ministry (fictional stand-in)',
      shortName: 'IM',
      type: 'police',
      country: 'RU',
    };
  if (index === 1)
    return {
      key: 'agency-1',
      name: 'Security Service (fictional stand-in)',
      shortName: 'SS',
      type: 'security service',
      country: 'RU',
    };
  const [type, label] = AGENCY_TYPES[index % AGENCY_TYPES.length]!;
  const country = VICTIM_COUNTRIES[index % VICTIM_COUNTRIES.length]!;
  const name = `${label} ${index} of ${country} (fictional)`;
  return { key: `agency-${index}`, name, shortName: `${label.replace(/[^A-Z]/g, '')}${index}`, type, country };
}

export const RECRUITER_CHANNELS = ['Telegram channel', 'job board', 'WhatsApp groups', 'word of mouth', 'VK community'];
