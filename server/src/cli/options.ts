import { InvalidArgumentError } from 'commander';

/** `--scale 1e5` and `--scale 100000` both work; fractions and non-numbers are refused. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`);
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number >= 0, got "${value}"`);
  return n;
}

export function port(value: string): number {
  const n = nonNegativeInteger(value);
  if (n > 65_535) throw new InvalidArgumentError(`expected a port from 0 to 65535, got "${value}"`);
  return n;
}

/** The generator's random source takes a 32-bit seed. */
export function seed(value: string): number {
  const n = nonNegativeInteger(value);
  if (n > 0xffffffff) throw new InvalidArgumentError(`expected a whole number from 0 to ${0xffffffff}, got "${value}"`);
  return n;
}
