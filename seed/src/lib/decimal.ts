/** Asset amounts are kept as integer minor units and written as exact decimal strings (never floats). */
export function formatUnits(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Decimal places and a synthetic USD rate per asset, for amounts and stated losses. */
export const ASSETS = {
  BTC: { decimals: 8, usd: 60_000n },
  ETH: { decimals: 6, usd: 3_000n },
  USDT: { decimals: 2, usd: 1n },
} as const;

export type Asset = keyof typeof ASSETS;

/** USD value (in cents) of an amount in minor units, rounded down. */
export function usdCents(asset: Asset, units: bigint): bigint {
  const { decimals, usd } = ASSETS[asset];
  return (units * usd * 100n) / 10n ** BigInt(decimals);
}

/** `formatUnits` for amounts that fit a double exactly (below 2^53 minor units): the fast path of the generator. */
export function formatMinor(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError(`not a safe non-negative integer: ${units}`);
  const digits = String(units).padStart(decimals + 1, '0');
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  const whole = digits.slice(0, digits.length - decimals);
  return fraction ? `${whole}.${fraction}` : whole;
}
