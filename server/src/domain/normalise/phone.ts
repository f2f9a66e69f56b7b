import { isSupportedCountry, parsePhoneNumberFromString, type PhoneNumberType } from 'libphonenumber-js/max';
import { invalidArgument } from '../errors.js';

export type LineType = 'mobile' | 'fixed' | 'voip' | 'toll free' | 'unknown';

export type PhoneResult =
  { ok: true; e164: string; region?: string; lineType: LineType } | { ok: false; raw: string; reason: string };

// Only the types the model names; "fixed line or mobile" (all of +1) and the rarer ones are unknown.
const LINE_TYPES: Partial<Record<PhoneNumberType, LineType>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed',
  VOIP: 'voip',
  TOLL_FREE: 'toll free',
};

const MAX_LENGTH = 64;

/**
 * A phone number as E.164, using the `max` metadata so the number is checked against the real
 * numbering plan and its line type is known. `defaultRegion` (ISO alpha-2) reads national formats.
 * A number is accepted only when valid for its plan; anything else comes back with a reason so the
 * caller can keep it raw and flag it. Never throws on data; an unknown `defaultRegion` is refused.
 */
export function normalisePhone(raw: string, defaultRegion?: string): PhoneResult {
  if (typeof raw !== 'string') return parse(raw, defaultRegion);
  const key = `${defaultRegion ?? ''}\u0000${raw}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const result = Object.freeze(parse(raw, defaultRegion));
  if (recent.size >= RECENT_CAPACITY) recent.clear();
  recent.set(key, result);
  return result;
}

/**
 * Numbers parsed lately. A call-detail export names the same few lines in most of its rows, and a row's
 * number is read three times (value, natural key, property): parsing took 5.1 us of the 18 us that
 * mapping a call record costs (1e5 rows), 3.0 us with this. 1e6 call records name 2.5e5 victims four
 * times each: remembering 2e4 of them, parsing took 13.5 s of the 62 s of mapping. Cleared when full:
 * bounded memory (about 200 bytes a number).
 */
const recent = new Map<string, PhoneResult>();
const RECENT_CAPACITY = 200_000;

function parse(raw: string, defaultRegion?: string): PhoneResult {
  const region = defaultRegion?.trim().toUpperCase();
  if (region !== undefined && region !== '' && !isSupportedCountry(region)) {
    throw invalidArgument('defaultRegion', `"${defaultRegion}" is not a region libphonenumber knows`);
  }
  if (typeof raw !== 'string') return { ok: false, raw: String(raw), reason: 'not a string' };
  const text = raw.trim();
  if (text === '') return { ok: false, raw, reason: 'empty' };
  if (text.length > MAX_LENGTH) return { ok: false, raw, reason: `longer than ${MAX_LENGTH} characters` };
  // "00" is the international prefix almost everywhere; read it as "+" even without a default region.
  const input = /^00\d/.test(text.replace(/[\s().-]/g, '')) ? `+${text.replace(/^[\s(]*00/, '')}` : text;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(input, region && isSupportedCountry(region) ? region : undefined);
  } catch (e) {
    // The library throws on a few inputs (too long, odd characters); that is still just bad data.
    return { ok: false, raw, reason: e instanceof Error ? e.message : 'unparseable' };
  }
  if (!parsed) {
    const hint = region ? '' : ' (no default region: national numbers need one, or a leading +)';
    return { ok: false, raw, reason: `not a phone number${hint}` };
  }
  // With the `max` metadata a number is valid exactly when it has a type (libphonenumber's isValid is
  // `getType() !== undefined` then): one type check, not two, which are most of the cost of a parse.
  const type = parsed.getType();
  if (type === undefined) {
    const why = parsed.isPossible() ? 'not in any assigned range of' : 'wrong length for';
    return { ok: false, raw, reason: `${why} the numbering plan of +${parsed.countryCallingCode}` };
  }
  const lineType = LINE_TYPES[type] ?? 'unknown';
  return parsed.country
    ? { ok: true, e164: parsed.number, region: parsed.country, lineType }
    : { ok: true, e164: parsed.number, lineType };
}
