import { ASSETS, formatUnits, usdCents, type Asset } from '../lib/decimal.js';
import { personName } from '../lib/names.js';
import type { Rng } from '../lib/rng.js';
import { PLATFORMS, type Wallet, type Wallets } from './money.js';
import { CENTRES, type Workstation } from './organisation.js';

/** Synthetic victims of the demo, their calls and payments, and the sweeps that moved the money on. */

/** Victims per country (300 in 25 countries); the centre that calls a country speaks its language. */
const COUNTRIES: ReadonlyArray<readonly [string, number, string | null]> = [
  ['DE', 45, 'moscow-orion'],
  ['GB', 30, null],
  ['FR', 20, 'moscow-vega'],
  ['IT', 18, 'moscow-vega'],
  ['ES', 15, 'moscow-altair'],
  ['AT', 10, 'moscow-orion'],
  ['CH', 10, 'moscow-orion'],
  ['NL', 12, 'moscow-orion'],
  ['BE', 8, 'moscow-vega'],
  ['PL', 12, 'moscow-sirius'],
  ['CZ', 8, 'moscow-sirius'],
  ['PT', 6, 'moscow-altair'],
  ['SE', 8, 'moscow-sirius'],
  ['NO', 5, 'moscow-sirius'],
  ['DK', 5, 'moscow-sirius'],
  ['FI', 4, 'moscow-sirius'],
  ['IE', 6, null],
  ['US', 20, null],
  ['CA', 10, null],
  ['AU', 12, null],
  ['JP', 12, 'moscow-deneb'],
  ['KR', 8, 'moscow-deneb'],
  ['IL', 6, null],
  ['AE', 5, null],
  ['SG', 5, 'moscow-deneb'],
];

/** How a few victims' countries were written in the (synthetic) complaints: the loader normalises them. */
const MESSY_COUNTRY: Readonly<Record<string, readonly string[]>> = {
  DE: ['Германия', 'DEU'],
  FR: ['Франция'],
  ES: ['ESP'],
  CH: ['756'],
  GB: ['United Kingdom'],
  KR: ['Южная Корея'],
  NL: ['Нидерланды'],
};

export interface Victim {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly country: string;
  /** The country as written in LIVES_IN.csv. */
  readonly countryRaw: string;
  readonly complaintRef: string;
  reportedLoss?: string;
}

export interface Call {
  readonly from: string;
  readonly to: string;
  readonly at: number;
  readonly durationSeconds: number;
  readonly callerIdShown?: string;
}

export interface Payment {
  readonly victim: string;
  readonly wallet: Wallet;
  readonly units: bigint;
  readonly asset: Asset;
  readonly at: number;
  readonly txHash: string;
}

export interface Transfer {
  readonly from: Wallet;
  readonly to: Wallet;
  readonly units: bigint;
  readonly asset: Asset;
  readonly at: number;
  readonly txHash: string;
}

export interface VictimWorld {
  readonly victims: Victim[];
  readonly calls: Call[];
  readonly payments: Payment[];
  readonly transfers: Transfer[];
}

const HOUR = 3_600_000;
const START = Date.UTC(2024, 8, 1); // calls run from September 2024 ...
const END = Date.UTC(2025, 2, 10); // ... to the days before the (synthetic) raid date

export function buildVictims(rng: Rng, workstations: readonly Workstation[], wallets: Wallets): VictimWorld {
  const victims: Victim[] = [];
  const calls: Call[] = [];
  const payments: Payment[] = [];
  let n = 0;
  for (const [country, count, centreKey] of COUNTRIES) {
    const messy = [...(MESSY_COUNTRY[country] ?? [])];
    for (let i = 0; i < count; i++) {
      n++;
      const key = `v-${String(n).padStart(4, '0')}`;
      const name = personName(rng, country);
      const centre = centreKey ? CENTRES.find((c) => c.key === centreKey)! : rng.pick(CENTRES);
      const victim: Victim = {
        key,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@mail.example`,
        ...victimPhone(country, n),
        country,
        countryRaw: messy.shift() ?? country,
        complaintRef: `CMP-${country}-${String(n).padStart(4, '0')}`,
      };
      victims.push(victim);
      const seats = workstations.filter((w) => w.centre === centre.key);
      let at = START + rng.int(0, (END - START) / HOUR - 24 * 14) * HOUR + rng.int(0, 3599) * 1000;
      const callTimes: number[] = [];
      for (let k = rng.int(1, 5); k > 0; k--) {
        // Early seats are the busiest: a mild skew inside each centre.
        const ws = seats[Math.min(rng.int(0, seats.length - 1), rng.int(0, seats.length - 1))]!;
        const spoofed = ws.spoof !== undefined && rng.chance(0.5);
        calls.push({
          from: rng.pick(ws.lines),
          to: key,
          at,
          durationSeconds: rng.int(20, 2400),
          ...(spoofed ? { callerIdShown: ws.spoof } : {}),
        });
        callTimes.push(at);
        at += rng.int(6, 96) * HOUR + rng.int(0, 3599) * 1000;
      }
      if (!rng.chance(0.65)) continue;
      const platformKey = rng.pick(centre.platforms);
      const platform = PLATFORMS.find((p) => p.key === platformKey)!;
      const deposits = wallets.deposits.filter((w) => w.platform === platform.key);
      let cents = 0n;
      for (let k = rng.int(1, 3), t = callTimes[0]! + rng.int(2, 48) * HOUR; k > 0; k--) {
        const wallet = rng.chance(0.6) ? deposits[0]! : rng.pick(deposits);
        const asset = wallet.asset!;
        const units = amount(rng, asset);
        payments.push({ victim: key, wallet, units, asset, at: t, txHash: txHash(rng, wallet.chain) });
        cents += usdCents(asset, units);
        t += rng.int(24, 24 * 10) * HOUR + rng.int(0, 3599) * 1000;
      }
      victim.reportedLoss = formatUnits(cents, 2);
    }
  }
  return { victims, calls, payments, transfers: sweeps(rng, payments, wallets) };
}

/** Fictional-range numbers only: Ofcom's drama range for the UK, 555-01xx for North America. */
function victimPhone(country: string, n: number): { phone?: string } {
  if (country === 'GB') return { phone: `+4420794601${String(n % 100).padStart(2, '0')}` };
  if (country === 'US')
    return { phone: `+1${['202', '212', '312', '415'][n % 4]}55501${String(n % 100).padStart(2, '0')}` };
  return {};
}

function amount(rng: Rng, asset: Asset): bigint {
  const scale = 10n ** BigInt(ASSETS[asset].decimals);
  if (asset === 'USDT') return BigInt(rng.int(250, 15_000)) * scale + (rng.chance(0.3) ? BigInt(rng.int(1, 99)) : 0n);
  if (asset === 'ETH') return BigInt(rng.int(100_000, 4_000_000)); // 0.1 to 4 ETH in micro-ETH
  return BigInt(rng.int(500_000, 25_000_000)); // 0.005 to 0.25 BTC in satoshi
}

export function txHash(rng: Rng, chain: string): string {
  return `${chain === 'eth' ? '0x' : ''}${rng.hex(32)}`;
}

/**
 * Deposit wallets are swept to the group's consolidation wallet of their chain every few payments, and
 * consolidation wallets pay out to an exchange hub every few sweeps (per asset). Sums are exact.
 */
function sweeps(rng: Rng, payments: readonly Payment[], wallets: Wallets): Transfer[] {
  const transfers: Transfer[] = [];
  const toConsolidation: Transfer[] = [];
  for (const deposit of wallets.deposits) {
    const mine = payments.filter((p) => p.wallet === deposit).sort((a, b) => a.at - b.at);
    for (let i = 0; i < mine.length;) {
      const batch = mine.slice(i, i + rng.int(3, 5));
      i += batch.length;
      const sweep: Transfer = {
        from: deposit,
        to: wallets.consolidation[deposit.chain],
        units: batch.reduce((s, p) => s + p.units, 0n),
        asset: deposit.asset!,
        at: batch[batch.length - 1]!.at + rng.int(1, 12) * HOUR,
        txHash: txHash(rng, deposit.chain),
      };
      toConsolidation.push(sweep);
    }
  }
  transfers.push(...toConsolidation);
  for (const consolidation of Object.values(wallets.consolidation)) {
    for (const asset of Object.keys(ASSETS) as Asset[]) {
      const mine = toConsolidation
        .filter((t) => t.to === consolidation && t.asset === asset)
        .sort((a, b) => a.at - b.at);
      for (let i = 0; i < mine.length;) {
        const batch = mine.slice(i, i + 4);
        i += batch.length;
        transfers.push({
          from: consolidation,
          to: wallets.exchange[consolidation.chain],
          units: batch.reduce((s, t) => s + t.units, 0n),
          asset,
          at: batch[batch.length - 1]!.at + rng.int(2, 24) * HOUR,
          txHash: txHash(rng, consolidation.chain),
        });
      }
    }
  }
  return transfers;
}
