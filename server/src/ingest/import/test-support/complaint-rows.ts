/**
 * For tests and the benchmark: a deterministic victim-complaints export (the built-in mapping's layout)
 * of any length, with victims named again in later complaints with another stated loss (updates), shared
 * wallets and platforms (hubs), several spellings of each country.
 */
const COUNTRIES = [
  'Deutschland',
  'Germany',
  'DE',
  'Frankreich',
  'France',
  'FRA',
  'Österreich',
  'AT',
  'Polen',
  'Польша',
];
const PLATFORMS = ['QuantumTrade', 'CryptoNova', 'BitProfit', 'EuroFX Pro', 'Atlas Capital'];

/** mulberry32: a small seeded generator, enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const two = (n: number) => String(n).padStart(2, '0');

export const COMPLAINT_HEADER =
  'complaint_id;filed_on;victim_id;full_name;email;phone;country;loss;currency;paid_amount;paid_asset;paid_at;paid_to_wallet;tx_hash;platform';

/** Rows (without the header) for complaints `from` to `to` (exclusive). */
export function* complaintRows(from: number, to: number, seed = 7): Generator<string> {
  for (let i = from; i < to; i++) {
    const r = rng(seed * 1_000_003 + i);
    const victim = Math.floor(r() * Math.max(1, to / 3));
    const wallet = Math.floor(r() ** 3 * 200);
    const day = 1 + (i % 28);
    const loss = `${Math.floor(r() * 20_000)}.${two(Math.floor(r() * 100))}`.replace('.', ',');
    const paid = `${Math.floor(r() * 5_000)},${two(Math.floor(r() * 100))}`;
    yield [
      `C-${i}`,
      `${two(day)}.02.2025`,
      `V-${victim}`,
      `Victim ${victim} ${['Alpha', 'Beta', 'Gamma', 'Delta'][victim % 4]}`,
      `v${victim}@mail.example`,
      '',
      COUNTRIES[victim % COUNTRIES.length],
      loss,
      'EUR',
      paid,
      'USDT',
      `${two(day)}.01.2025 ${two(i % 24)}:${two(i % 60)}`,
      `0x${hex(wallet, 40)}`,
      `0x${hex(i, 8)}`,
      PLATFORMS[wallet % PLATFORMS.length],
    ].join(';');
  }
}
