import { ASSETS, formatMinor, type Asset } from '../lib/decimal.js';
import type { Chain } from '../lib/addresses.js';
import { personName } from '../lib/names.js';
import type { Rng } from '../lib/rng.js';
import { Zipf } from '../lib/zipf.js';
import { hubLine, ownLine, spoofLine } from './numbers.js';
import type { Plan } from './plan.js';
import type { Sink } from './sink.js';
import type { Structure } from './structure.js';
import { VICTIM_COUNTRIES } from './vocab.js';

/**
 * Victims, streamed one at a time until the case reaches its target size: each lives in a country,
 * is called a few times by seats of one centre (through its own line, a hub line, sometimes showing a
 * spoofed caller ID), and may pay into the deposit wallets of a platform the centre promotes. Deposit
 * wallets are swept to consolidation wallets every few payments, and those pay out to exchange hubs.
 */

const HOUR = 3_600_000;
const START = Date.UTC(2023, 0, 1);
const SPAN_HOURS = 2 * 365 * 24;
const SWEEP_TO_EXCHANGE = 8;
const USD: Record<Asset, number> = { BTC: 60_000, ETH: 3_000, USDT: 1 };

interface Pending {
  units: number;
  count: number;
  at: number;
  /** Payments (or sweeps) before the next transfer. */
  due: number;
}

interface Sweeps extends Pending {
  readonly address: string;
  readonly chain: Chain;
  readonly asset: Asset;
}

export async function writeVictims(sink: Sink, rng: Rng, plan: Plan, s: Structure): Promise<void> {
  const victim = await sink.entity('Victim', [
    'key',
    'name',
    'country',
    'complaintRef',
    'reportedLoss',
    'lossCurrency',
  ]);
  const livesIn = await sink.link('LIVES_IN', ['from', 'to']);
  const called = await sink.link('CALLED', ['from', 'to', 'at', 'durationSeconds', 'callerIdShown']);
  const paid = await sink.link('PAID', ['from', 'to', 'amount', 'asset', 'at', 'txHash']);
  const transferred = await sink.link('TRANSFERRED', ['from', 'to', 'amount', 'asset', 'at', 'txHash']);

  const countries = new Zipf(VICTIM_COUNTRIES.length, 1.0);
  const centres = new Zipf(plan.centres, 0.5);
  // A few consolidation wallets take most of the money.
  const consolidation = new Zipf(plan.consolidation, 1.5);
  const exchange = new Zipf(plan.exchanges, 1.0);
  const withinPlatform = s.depositsOf.map((offered) => new Zipf(offered.length, 1.2));
  const deposits: Pending[] = s.deposits.map(() => ({ units: 0, count: 0, at: 0, due: rng.int(3, 8) }));
  const sweeps = new Map<string, Sweeps>(); // by `<consolidation address>|<asset>`
  let open = 0; // wallets holding money: each costs one more transfer at the end

  const tx = (chain: Chain) => (chain === 'eth' ? `0x${rng.hex(32)}` : rng.hex(32));
  const transfer = (from: string, to: string, chain: Chain, asset: Asset, units: number, at: number) =>
    transferred({
      from,
      to,
      amount: formatMinor(units, ASSETS[asset].decimals),
      asset,
      at: new Date(at).toISOString(),
      txHash: tx(chain),
    });
  const reset = (p: Pending, due: number) => {
    Object.assign(p, { units: 0, count: 0, at: 0, due });
    open--;
  };

  /** A consolidation wallet pays what it gathered of one asset out to an exchange hub. */
  const payout = (acc: Sweeps) => {
    transfer(
      acc.address,
      s.exchanges[acc.chain][exchange.draw(rng)]!,
      acc.chain,
      acc.asset,
      acc.units,
      acc.at + rng.int(1, 12) * HOUR,
    );
    reset(acc, SWEEP_TO_EXCHANGE);
  };

  /** A deposit wallet is swept to a consolidation wallet of its chain. */
  const settle = (d: number) => {
    const p = deposits[d]!;
    const dep = s.deposits[d]!;
    const to = s.consolidation[dep.chain][consolidation.draw(rng)]!;
    const at = p.at + rng.int(1, 12) * HOUR;
    transfer(dep.address, to, dep.chain, dep.asset, p.units, at);
    const key = `${to}|${dep.asset}`;
    let acc = sweeps.get(key);
    if (!acc)
      sweeps.set(
        key,
        (acc = { address: to, chain: dep.chain, asset: dep.asset, units: 0, count: 0, at: 0, due: SWEEP_TO_EXCHANGE }),
      );
    if (acc.count === 0) open++;
    acc.units += p.units;
    acc.count++;
    acc.at = Math.max(acc.at, at);
    reset(p, rng.int(3, 8));
    if (acc.count >= acc.due) payout(acc);
  };

  for (let v = 0; sink.links + open + 6 < plan.scale; v++) {
    const key = `v-${String(v).padStart(8, '0')}`;
    const country = VICTIM_COUNTRIES[countries.draw(rng)]!;
    const c = centres.draw(rng);
    const first = s.wsStart[c]!;
    const seats = s.wsStart[c + 1]! - first;
    livesIn({ from: key, to: country });
    let at = START + rng.int(0, SPAN_HOURS) * HOUR + rng.int(0, 3599) * 1000;
    const firstCall = at;
    for (let k = rng.int(1, 5); k > 0; k--) {
      // Early seats of a centre are its busiest.
      const ws = first + Math.min(rng.int(0, seats - 1), rng.int(0, seats - 1));
      const hub = s.hubOf[ws]!;
      const spoof = s.spoofOf[ws]!;
      called({
        from: hub >= 0 && rng.chance(0.5) ? hubLine(hub) : ownLine(ws),
        to: key,
        at: new Date(at).toISOString(),
        durationSeconds: rng.int(15, 2400),
        callerIdShown: spoof >= 0 && rng.chance(0.5) ? spoofLine(spoof) : '',
      });
      at += rng.int(6, 96) * HOUR + rng.int(0, 3599) * 1000;
    }
    let lossCents = 0;
    if (rng.chance(0.45)) {
      const platforms = s.platformsOf[c]!;
      const platform = rng.pick(platforms);
      const offered = s.depositsOf[platform]!;
      const within = withinPlatform[platform]!;
      let t = firstCall + rng.int(2, 72) * HOUR;
      for (let k = rng.int(1, 4); k > 0; k--) {
        const d = offered[within.draw(rng)]!;
        const dep = s.deposits[d]!;
        const units = amount(rng, dep.asset);
        paid({
          from: key,
          to: dep.address,
          amount: formatMinor(units, ASSETS[dep.asset].decimals),
          asset: dep.asset,
          at: new Date(t).toISOString(),
          txHash: tx(dep.chain),
        });
        lossCents += Math.floor((units * USD[dep.asset] * 100) / 10 ** ASSETS[dep.asset].decimals);
        const p = deposits[d]!;
        if (p.count === 0) open++;
        p.units += units;
        p.count++;
        p.at = Math.max(p.at, t);
        if (p.count >= p.due) settle(d);
        t += rng.int(24, 24 * 14) * HOUR + rng.int(0, 3599) * 1000;
      }
    }
    victim({
      key,
      name: personName(rng, country),
      country,
      complaintRef: `CMP-${country}-${v}`,
      reportedLoss: lossCents > 0 ? formatMinor(lossCents, 2) : '',
      lossCurrency: lossCents > 0 ? 'USD' : '',
    });
    if (v % 2000 === 1999) await sink.drain();
  }
  // What still sits in deposit and consolidation wallets moves on once more.
  deposits.forEach((p, d) => p.count > 0 && settle(d));
  for (const acc of sweeps.values()) if (acc.count > 0) payout(acc);
}

function amount(rng: Rng, asset: Asset): number {
  if (asset === 'USDT') return rng.int(100, 20_000) * 100 + (rng.chance(0.3) ? rng.int(1, 99) : 0);
  if (asset === 'ETH') return rng.int(50_000, 5_000_000); // micro-ETH
  return rng.int(200_000, 30_000_000); // satoshi
}
