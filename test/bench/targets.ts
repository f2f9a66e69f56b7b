/**
 * The targets of issue 2, item 11: the store adds at most 20% to the same statements run directly on
 * the engine (judged at p50 and at p95), and a 2-hop expansion answers under 50 ms at p95 at 1e6
 * relationships (applied to typical seeds and to hubs alike). Issue 3, item 6: the API through HTTP takes
 * at most 1.5x the store call for the same work at p50, and ring -> crime group `paths` answers under
 * 100 ms at p95 (judged at every scale: a bound on latency, not on growth).
 */
import type { OperationResult } from './measure.js';
import type { ApiOperationResult } from './measure-api.js';

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

export const MAX_API_OVERHEAD = 1.5;
export const RING_PATHS_P95_MS = 100;

export function apiVerdicts(op: ApiOperationResult): Verdict[] {
  const out: Verdict[] = [
    {
      target: `p50<=${MAX_API_OVERHEAD}x`,
      pass: op.ratio.p50 <= MAX_API_OVERHEAD,
      actual: `ratio ${op.ratio.p50.toFixed(3)}`,
    },
  ];
  if (op.ring) {
    out.push({
      target: `p95<${RING_PATHS_P95_MS}ms`,
      pass: op.api.p95 < RING_PATHS_P95_MS,
      actual: `p95 ${op.api.p95.toFixed(1)}ms`,
    });
  }
  return out;
}
