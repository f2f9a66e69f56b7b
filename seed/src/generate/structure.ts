import { addressFor, type Chain } from '../lib/addresses.js';
import type { Asset } from '../lib/decimal.js';
import { personName } from '../lib/names.js';
import type { Rng } from '../lib/rng.js';
import { Zipf } from '../lib/zipf.js';
import { writeCentres } from './centres.js';
import { hubLine, spoofLine } from './numbers.js';
import type { Plan } from './plan.js';
import type { Sink } from './sink.js';
import { agency, platformName, VICTIM_COUNTRIES } from './vocab.js';

/**
 * The organisation of a synthetic case, written as it is drawn. What the victims' stream needs later
 * is kept in compact arrays: which seats a centre has, which hub line or spoof a seat uses, which
 * platforms a centre promotes and the wallets behind them.
 */
export interface Structure {
  /** Seats of centre c are wsStart[c] .. wsStart[c+1]-1. */
  readonly wsStart: Int32Array;
  /** Hub line of a seat, or -1. */
  readonly hubOf: Int32Array;
  /** Spoofed caller ID of a seat, or -1. */
  readonly spoofOf: Int32Array;
  readonly platformsOf: readonly number[][];
  readonly depositsOf: readonly number[][];
  readonly deposits: readonly Deposit[];
  readonly consolidation: Readonly<Record<Chain, readonly string[]>>;
  readonly exchanges: Readonly<Record<Chain, readonly string[]>>;
}

export interface Deposit {
  readonly address: string;
  readonly chain: Chain;
  readonly asset: Asset;
}

export const CHAINS: readonly Chain[] = ['eth', 'trx', 'btc'];

export async function writeStructure(sink: Sink, rng: Rng, plan: Plan): Promise<Structure> {
  // Every country a row names is listed, so the loader never has to invent one from a link.
  const countries = new Set<string>(['RU', ...VICTIM_COUNTRIES]);
  const group = await sink.entity('CrimeGroup', ['key', 'name', 'activities', 'description']);
  const person = await sink.entity('Person', ['key', 'name', 'role', 'status', 'nationality', 'languages']);
  const leads = await sink.link('LEADS', ['from_kind', 'from', 'to_kind', 'to']);
  const operatesIn = await sink.link('OPERATES_IN', ['from', 'to']);
  for (let g = 0; g < plan.groups; g++) {
    group({
      key: `group-${g}`,
      name: `Synthetic group ${g + 1}`,
      activities: ['fraud', 'money laundering'],
      description: 'Generated crime group (synthetic)',
    });
    person({
      key: `leader-${g}`,
      name: personName(rng, 'RU'),
      role: 'leader',
      status: 'at large',
      nationality: 'RU',
      languages: ['ru'],
    });
    leads({ from_kind: 'Person', from: `leader-${g}`, to_kind: 'CrimeGroup', to: `group-${g}` });
    operatesIn({ from: `group-${g}`, to: 'RU' });
  }
  const groups = new Zipf(plan.groups, 1.2);

  const platform = await sink.entity('TradingPlatform', ['key', 'name', 'domains', 'category']);
  const wallet = await sink.entity('Wallet', ['address', 'label']);
  const receivesTo = await sink.link('RECEIVES_TO', ['from', 'to']);
  const controls = await sink.link('CONTROLS', ['from_kind', 'from', 'to_kind', 'to']);
  const owns = await sink.link('OWNS', ['from_kind', 'from', 'to_kind', 'to']);
  const deposits: Deposit[] = [];
  const depositsOf: number[][] = [];
  for (let p = 0; p < plan.platforms; p++) {
    const { name, domains } = platformName(rng, p);
    platform({ key: `platform-${p}`, name, domains, category: 'trading' });
    controls({
      from_kind: 'CrimeGroup',
      from: `group-${groups.draw(rng)}`,
      to_kind: 'TradingPlatform',
      to: `platform-${p}`,
    });
    const mine: number[] = [];
    for (let d = rng.int(2, 6); d > 0; d--) {
      const u = rng.float();
      const chain: Chain = u < 0.4 ? 'eth' : u < 0.85 ? 'trx' : 'btc';
      const asset: Asset = chain === 'btc' ? 'BTC' : chain === 'trx' || rng.chance(0.5) ? 'USDT' : 'ETH';
      const address = addressFor(chain, rng.bytes(20));
      mine.push(deposits.length);
      deposits.push({ address, chain, asset });
      wallet({ address, label: `deposit: ${name} (${asset})` });
      receivesTo({ from: `platform-${p}`, to: address });
    }
    depositsOf.push(mine);
  }
  const perChain = (count: number, label: string) => {
    const out = {} as Record<Chain, string[]>;
    for (const chain of CHAINS) {
      out[chain] = Array.from({ length: count }, (_, k) => {
        const address = addressFor(chain, rng.bytes(20));
        wallet({ address, label: `${label} ${chain} ${k + 1}` });
        return address;
      });
    }
    return out;
  };
  const consolidation = perChain(plan.consolidation, 'consolidation (group-owned)');
  for (const chain of CHAINS) {
    for (const to of consolidation[chain])
      owns({ from_kind: 'CrimeGroup', from: `group-${groups.draw(rng)}`, to_kind: 'Wallet', to });
  }
  const exchanges = perChain(plan.exchanges, 'exchange hot wallet (fictional)');

  const agencyRow = await sink.entity('Agency', ['key', 'name', 'shortName', 'type', 'country']);
  const locatedIn = await sink.link('LOCATED_IN', ['from_kind', 'from', 'to_kind', 'to']);
  for (let a = 0; a < plan.agencies; a++) {
    const ag = agency(a);
    agencyRow(ag);
    countries.add(ag.country);
    locatedIn({ from_kind: 'Agency', from: ag.key, to_kind: 'Country', to: ag.country });
  }
  const phone = await sink.entity('PhoneNumber', ['number', 'spoofed']);
  const impersonates = await sink.link('IMPERSONATES', ['from', 'to']);
  for (let s = 0; s < plan.spoofs; s++) {
    phone({ number: spoofLine(s), spoofed: true });
    // Most spoofs imitate the two ministries the report names (agency-0 and agency-1 stand in for them).
    const target = s < 2 ? s : rng.chance(0.5) ? rng.int(0, 1) : rng.int(0, plan.agencies - 1);
    impersonates({ from: spoofLine(s), to: `agency-${target}` });
  }
  for (let h = 0; h < plan.hubLines; h++) phone({ number: hubLine(h), spoofed: false });

  const seats = await writeCentres(sink, rng, plan, { person, leads, controls, locatedIn, phone, groups, countries });
  const country = await sink.entity('Country', ['code']);
  for (const code of [...countries].sort()) country({ code });
  return { ...seats, depositsOf, deposits, consolidation, exchanges };
}
