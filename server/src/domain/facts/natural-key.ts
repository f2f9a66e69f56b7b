import { invalidArgument } from '../errors.js';
import type { PropertyValue } from '../graph.js';
import type { KindDef } from '../model/index.js';
import { normaliseCountry } from '../normalise/country.js';
import { normalisePhone } from '../normalise/phone.js';
import { normaliseWallet } from '../normalise/wallet.js';
import type { Flag } from './flag.js';

export interface NaturalKey {
  /** The id's key, after the prefix. */
  readonly key: string;
  /** Properties the normaliser derived (the canonical value, validity, chain, region...). */
  readonly properties: Readonly<Record<string, PropertyValue>>;
  readonly flags: Flag[];
}

export interface NaturalKeyContext {
  readonly defaultRegion?: string | undefined;
}

const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

/**
 * The key of a natural-key kind from its raw key value. Values that do not normalise still get a
 * stable key under `invalid:` (so the same bad value seen twice is one entity) and a flag.
 */
export function naturalKey(kind: KindDef, raw: string, context: NaturalKeyContext = {}): NaturalKey {
  if (kind.key.from !== 'natural') throw invalidArgument('kind', `${kind.name} has no natural key`);
  const field = kind.key.property;
  const text = collapse(raw);
  if (text === '') throw invalidArgument(field, `${kind.name}.${field} is empty (it is the key)`);
  switch (kind.name) {
    case 'PhoneNumber': {
      const phone = normalisePhone(text, context.defaultRegion);
      if (phone.ok) {
        const props = { number: phone.e164, raw: raw.trim(), valid: true, lineType: phone.lineType };
        return { key: phone.e164, properties: phone.region ? { ...props, region: phone.region } : props, flags: [] };
      }
      return {
        key: `invalid:${text}`,
        properties: { number: text, raw: raw.trim(), valid: false },
        flags: [{ field, value: text, reason: phone.reason }],
      };
    }
    case 'Wallet': {
      const wallet = normaliseWallet(text);
      if (wallet.ok) {
        return {
          key: `${wallet.chain}:${wallet.address}`,
          properties: { address: wallet.address, chain: wallet.chain, valid: true },
          flags: [],
        };
      }
      return {
        key: `invalid:${raw.trim()}`,
        properties: { address: raw.trim(), chain: wallet.chain, valid: false },
        flags: [{ field, value: raw.trim(), reason: wallet.reason }],
      };
    }
    case 'Country': {
      const country = normaliseCountry(text);
      if (country.ok) return { key: country.code, properties: { code: country.code, name: country.name }, flags: [] };
      // Country has no `valid` property: the `invalid:` id and the flag say it.
      return {
        key: `invalid:${text.toLowerCase()}`,
        properties: { code: text },
        flags: [{ field, value: text, reason: country.reason }],
      };
    }
    case 'SourceFile': {
      const sha = text.toLowerCase();
      // Provenance must be exact: a malformed hash is refused, not flagged.
      if (!/^[0-9a-f]{64}$/.test(sha)) throw invalidArgument(field, `"${raw}" is not a SHA-256 (64 hex digits)`);
      return { key: sha, properties: { sha256: sha }, flags: [] };
    }
    default:
      throw invalidArgument('kind', `no normaliser for the natural key of ${kind.name}`);
  }
}
