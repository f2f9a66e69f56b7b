import { addressFor, type Chain } from '../lib/addresses.js';
import type { Asset } from '../lib/decimal.js';
import type { Rng } from '../lib/rng.js';

/** The bogus platforms of the demo and the wallets behind them. Names and domains are made up. */

export interface Platform {
  readonly key: string;
  readonly name: string;
  readonly domains: readonly string[];
  readonly deposits: ReadonlyArray<{ chain: Chain; asset: Asset }>;
}

export const PLATFORMS: readonly Platform[] = [
  {
    key: 'bitexora',
    name: 'Bitexora',
    domains: ['bitexora.example', 'bitexora-trade.example'],
    deposits: [
      { chain: 'trx', asset: 'USDT' },
      { chain: 'eth', asset: 'USDT' },
      { chain: 'btc', asset: 'BTC' },
    ],
  },
  {
    key: 'qorvex',
    name: 'Qorvex Capital',
    domains: ['qorvex-capital.example'],
    deposits: [
      { chain: 'eth', asset: 'ETH' },
      { chain: 'trx', asset: 'USDT' },
    ],
  },
  {
    key: 'lumina',
    name: 'Lumina Trade',
    domains: ['luminatrade.example', 'lumina-trade-pro.example'],
    deposits: [
      { chain: 'trx', asset: 'USDT' },
      { chain: 'eth', asset: 'USDT' },
    ],
  },
  {
    key: 'aurumfx',
    name: 'AurumFX Pro',
    domains: ['aurumfx.example'],
    deposits: [
      { chain: 'trx', asset: 'USDT' },
      { chain: 'btc', asset: 'BTC' },
      { chain: 'eth', asset: 'ETH' },
    ],
  },
];

export type WalletRole = 'deposit' | 'consolidation' | 'exchange';

export interface Wallet {
  readonly address: string;
  readonly chain: Chain;
  readonly role: WalletRole;
  readonly label: string;
  /** Deposit wallets: the platform and the asset victims paid in. */
  readonly platform?: string;
  readonly asset?: Asset;
}

export interface Wallets {
  readonly deposits: Wallet[];
  /** One per chain, owned by the group. */
  readonly consolidation: Record<Chain, Wallet>;
  /** Exchange-like hubs the consolidation wallets pay out to, one per chain. */
  readonly exchange: Record<Chain, Wallet>;
}

const CHAINS: readonly Chain[] = ['eth', 'trx', 'btc'];

export function buildWallets(rng: Rng): Wallets {
  const wallet = (chain: Chain, role: WalletRole, label: string, extra: Partial<Wallet> = {}): Wallet => ({
    address: addressFor(chain, rng.bytes(20)),
    chain,
    role,
    label,
    ...extra,
  });
  const deposits = PLATFORMS.flatMap((p) =>
    p.deposits.map((d) =>
      wallet(d.chain, 'deposit', `deposit: ${p.name} (${d.asset})`, { platform: p.key, asset: d.asset }),
    ),
  );
  const byChain = <T>(f: (chain: Chain) => T) => Object.fromEntries(CHAINS.map((c) => [c, f(c)])) as Record<Chain, T>;
  return {
    deposits,
    consolidation: byChain((c) => wallet(c, 'consolidation', `consolidation (${c}), group-owned`)),
    exchange: byChain((c) => wallet(c, 'exchange', `exchange hot wallet (${c}), fictional exchange`)),
  };
}
