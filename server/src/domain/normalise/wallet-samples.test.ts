import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entityIdFor } from '../ids.js';
import { normaliseWallet } from './wallet.js';

// Real reported scam addresses (EtherScamDB, MIT), read from the shared samples beside the repo, never copied in.
const file = fileURLToPath(new URL('../../../../../shared/samples/etherscamdb/scams.yaml', import.meta.url));
const present = existsSync(file);
if (!present)
  console.warn(`wallet-samples: skipped, ${file} not found (the shared samples live in ../shared beside the repo)`);

interface Scam {
  id: number;
  coin?: string;
  addresses?: unknown[];
}

let scams: Scam[] | undefined;

function addressesOf(coin: string, shape: RegExp): string[] {
  scams ??= parse(readFileSync(file, 'utf8')) as Scam[];
  const found = scams.filter((s) => s.coin === coin).flatMap((s) => (s.addresses ?? []).map(String));
  return [...new Set(found)].filter((a) => shape.test(a));
}

describe.skipIf(!present)('real addresses from EtherScamDB', () => {
  it('reads every EVM address reported for ETH scams, checksummed or not, to one lower-case id', () => {
    const evm = addressesOf('ETH', /^0x[0-9a-fA-F]{40}$/);
    expect(evm.length).toBeGreaterThan(1000);
    const mixed = evm.filter((a) => /[a-f]/.test(a) && /[A-F]/.test(a));
    expect(mixed.length).toBeGreaterThan(100);
    for (const a of evm) {
      expect(normaliseWallet(a), a).toEqual({ ok: true, chain: 'eth', address: a.toLowerCase() });
      expect(entityIdFor('Wallet', a).id).toBe(entityIdFor('Wallet', a.toLowerCase()).id);
    }
  });

  it('reads the Bitcoin and TRON addresses reported for BTC and TRX scams', () => {
    const btc = addressesOf('BTC', /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/);
    const trx = addressesOf('TRX', /^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    expect(btc.length).toBeGreaterThan(50);
    expect(trx.length).toBeGreaterThan(3);
    for (const a of btc) expect(normaliseWallet(a), a).toEqual({ ok: true, chain: 'btc', address: a });
    for (const a of trx) expect(normaliseWallet(a), a).toEqual({ ok: true, chain: 'trx', address: a });
    expect(entityIdFor('Wallet', trx[0]!).id).toBe(`wallet:trx:${trx[0]}`);
  });

  it('flags, without throwing, addresses of chains it does not model (XRP)', () => {
    const xrp = addressesOf('XRP', /^r/);
    expect(xrp.length).toBeGreaterThan(3);
    for (const a of xrp) {
      const { id, flags } = entityIdFor('Wallet', a);
      expect(id).toBe(`wallet:invalid:${a}`);
      expect(flags).toHaveLength(1);
    }
  });
});
