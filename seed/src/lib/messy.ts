/**
 * Ways people write the same Russian number, so the demo shows the normalisers at work:
 * `+74955551001` as `+7 (495) 555-10-01` or with the domestic trunk prefix, `8 495 555 10 01`.
 */
export function ruDisplay(e164: string): string {
  const d = ruDigits(e164);
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}

export function ruTrunk(e164: string): string {
  const d = ruDigits(e164);
  return `8 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8, 10)}`;
}

function ruDigits(e164: string): string {
  if (!/^\+7\d{10}$/.test(e164)) throw new Error(`not a Russian E.164 number: ${e164}`);
  return e164.slice(2);
}

/** English short names of the countries the seed data uses (the loader normalises codes anyway). */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AE: 'United Arab Emirates',
  AM: 'Armenia',
  AT: 'Austria',
  AU: 'Australia',
  AZ: 'Azerbaijan',
  BE: 'Belgium',
  BY: 'Belarus',
  CA: 'Canada',
  CH: 'Switzerland',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GB: 'United Kingdom',
  GE: 'Georgia',
  IE: 'Ireland',
  IL: 'Israel',
  IN: 'India',
  IT: 'Italy',
  JP: 'Japan',
  KG: 'Kyrgyzstan',
  KR: 'South Korea',
  KZ: 'Kazakhstan',
  NG: 'Nigeria',
  NL: 'Netherlands',
  NO: 'Norway',
  PL: 'Poland',
  PT: 'Portugal',
  RU: 'Russia',
  SE: 'Sweden',
  SG: 'Singapore',
  UA: 'Ukraine',
  US: 'United States',
  UZ: 'Uzbekistan',
  BR: 'Brazil',
  MX: 'Mexico',
  AR: 'Argentina',
  NZ: 'New Zealand',
  ZA: 'South Africa',
  TR: 'Turkey',
  GR: 'Greece',
  HU: 'Hungary',
  RO: 'Romania',
  SK: 'Slovakia',
  SI: 'Slovenia',
  HR: 'Croatia',
  LT: 'Lithuania',
  LV: 'Latvia',
  EE: 'Estonia',
  LU: 'Luxembourg',
  CY: 'Cyprus',
  MT: 'Malta',
  HK: 'Hong Kong',
  TW: 'Taiwan',
  MY: 'Malaysia',
  TH: 'Thailand',
  PH: 'Philippines',
  CL: 'Chile',
  CO: 'Colombia',
  SA: 'Saudi Arabia',
  QA: 'Qatar',
  TJ: 'Tajikistan',
  MD: 'Moldova',
  RS: 'Serbia',
};
