import type { BundleWriter } from '../bundle/bundle-writer.js';
import { eip55 } from '../lib/addresses.js';
import { ASSETS, formatUnits } from '../lib/decimal.js';
import { COUNTRY_NAMES, ruDisplay } from '../lib/messy.js';
import type { Wallets } from './money.js';
import type { Organisation } from './organisation.js';
import { RECRUITERS } from './organisation.js';
import { cite, LINE } from './report.js';
import type { VictimWorld } from './victims.js';
import { firstEthDeposit } from './write-organisation.js';

/** Writes the synthetic victims with their countries, calls, payments and the transfers after them. */

const MOSCOW_OFFSET_MS = 3 * 3_600_000;

export async function writeActivity(
  bundle: BundleWriter,
  world: VictimWorld,
  org: Organisation,
  wallets: Wallets,
): Promise<void> {
  const victims = await bundle.entities('Victim', [
    'key',
    'name',
    'email',
    'phone',
    'country',
    'complaintRef',
    'reportedLoss',
    'lossCurrency',
    'source',
  ]);
  const livesIn = await bundle.links('LIVES_IN', ['from', 'to']);
  for (const v of world.victims) {
    victims.record({ ...v, lossCurrency: v.reportedLoss ? 'USD' : '', source: cite([LINE.countries], true) });
    livesIn.record({ from: v.key, to: v.countryRaw });
  }

  // Countries the synthetic files mention (Russia and Ukraine come from the report's own file).
  const codes = new Set([
    ...world.victims.map((v) => v.country),
    ...org.staff.map((s) => s.nationality),
    ...RECRUITERS.map((r) => r.country),
    'GB',
  ]);
  codes.delete('RU');
  codes.delete('UA');
  const countries = await bundle.entities('Country', ['code', 'name']);
  for (const code of [...codes].sort()) countries.record({ code, name: COUNTRY_NAMES[code] ?? code });

  const called = await bundle.links('CALLED', ['from', 'to', 'at', 'durationSeconds', 'callerIdShown']);
  world.calls.forEach((c, i) => {
    // A few rows as an operator's export might have them: punctuated numbers, Moscow local time.
    const local = i % 97 === 11;
    called.record({
      from: i % 41 === 5 ? ruDisplay(c.from) : c.from,
      to: c.to,
      at: local ? new Date(c.at + MOSCOW_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ') : iso(c.at),
      durationSeconds: c.durationSeconds,
      callerIdShown: c.callerIdShown,
    });
  });

  const mixedCase = firstEthDeposit(wallets);
  const paid = await bundle.links('PAID', ['from', 'to', 'amount', 'asset', 'at', 'txHash']);
  let mixedShown = false;
  for (const p of world.payments) {
    const showMixed: boolean = p.wallet === mixedCase && !mixedShown;
    mixedShown ||= showMixed;
    paid.record({
      from: p.victim,
      to: showMixed ? eip55(p.wallet.address) : p.wallet.address,
      amount: formatUnits(p.units, ASSETS[p.asset].decimals),
      asset: p.asset,
      at: iso(p.at),
      txHash: p.txHash,
    });
  }

  const transferred = await bundle.links('TRANSFERRED', ['from', 'to', 'amount', 'asset', 'at', 'txHash']);
  for (const t of world.transfers) {
    transferred.record({
      from: t.from.address,
      to: t.to.address,
      amount: formatUnits(t.units, ASSETS[t.asset].decimals),
      asset: t.asset,
      at: iso(t.at),
      txHash: t.txHash,
    });
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
