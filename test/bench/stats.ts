/** Percentiles of timings (milliseconds). */

/** Nearest-rank percentile: the smallest sample with at least q of the samples at or below it. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Summary {
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

export const summarise = (samples: readonly number[]): Summary => ({
  p50: percentile(samples, 0.5),
  p95: percentile(samples, 0.95),
  n: samples.length,
});
