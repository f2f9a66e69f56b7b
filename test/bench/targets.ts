/**
 * The targets of issue 2, item 11: the store adds at most 20% to the same statements run directly on
 * the engine (judged at p50 and at p95), and a 2-hop expansion answers under 50 ms at p95 at 1e6
 * relationships (applied to typical seeds and to hubs alike).
 */
import type { OperationResult } from './measure.js';

export const MAX_OVERHEAD = 1.2;
export const TWO_HOP_P95_MS = 50;
export const TWO_HOP_SCALE = 1e6;

export interface Verdict {
  readonly target: string;
  readonly pass: boolean;
  /** The measured value(s) judged, unrounded enough to see which side of the target they fall. */
  readonly actual: string;
}

export function verdicts(scale: number, op: OperationResult): Verdict[] {
  const out: Verdict[] = [
    {
      target: `ratio<=${MAX_OVERHEAD}`,
      pass: op.ratio.p50 <= MAX_OVERHEAD && op.ratio.p95 <= MAX_OVERHEAD,
      actual: `${op.ratio.p50.toFixed(3)}/${op.ratio.p95.toFixed(3)}`,
    },
  ];
  if (op.depth === 2 && scale >= TWO_HOP_SCALE) {
    out.push({
      target: `p95<${TWO_HOP_P95_MS}ms`,
      pass: op.store.p95 < TWO_HOP_P95_MS,
      actual: `p95 ${op.store.p95.toFixed(1)}ms`,
    });
  }
  return out;
}
