/**
 * How big each part of a synthetic case is for a target number of relationships. The structure
 * (centres, seats, staff, numbers, platforms, wallets) grows with the case but stays a few percent
 * of it; victims and their calls, payments and transfers fill the rest, streamed until the target.
 */
export interface Plan {
  readonly scale: number;
  readonly groups: number;
  readonly centres: number;
  readonly workstations: number;
  readonly recruiters: number;
  readonly hubLines: number;
  readonly spoofs: number;
  readonly agencies: number;
  readonly platforms: number;
  /** Consolidation wallets per chain. */
  readonly consolidation: number;
  /** Exchange-like hub wallets per chain. */
  readonly exchanges: number;
}

export const MIN_SCALE = 1_000;
export const MAX_SCALE = 20_000_000;

export function planFor(scale: number): Plan {
  if (!Number.isInteger(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new RangeError(`scale must be a whole number from ${MIN_SCALE} to ${MAX_SCALE}, got ${scale}`);
  }
  const workstations = Math.max(40, Math.round(scale * 0.008));
  const centres = Math.max(3, Math.round(workstations / 80));
  return {
    scale,
    groups: Math.max(1, Math.round(centres / 40)),
    centres,
    workstations,
    recruiters: Math.max(4, Math.round(centres * 0.6)),
    hubLines: Math.max(5, Math.round(workstations * 0.01)),
    spoofs: Math.max(4, Math.round(centres * 0.3)),
    agencies: Math.max(4, Math.round(centres * 0.1) + 3),
    platforms: Math.max(3, Math.round(centres * 0.25)),
    consolidation: Math.max(1, Math.round(centres / 60)),
    exchanges: 2,
  };
}
