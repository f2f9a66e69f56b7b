/** Words for the bounds an API answer hit (`truncated`), so a capped expansion says so. Pure. */

export interface TruncationLike {
  readonly bound: string;
  readonly value: number;
  readonly omitted: number;
}

const WHAT: Readonly<Record<string, string>> = {
  limit: 'entities',
  linkLimit: 'links',
};

/** "Expansion capped at 100 entities: 37 more" (one line per bound hit); empty when nothing was left out. */
export function describeBounds(action: string, truncated: readonly TruncationLike[], what?: string): string[] {
  return truncated
    .filter((t) => t.omitted > 0)
    .map(
      (t) =>
        `${action} capped at ${t.value} ${what ?? WHAT[t.bound] ?? t.bound}: ${t.omitted.toLocaleString('en-US')} more`,
    );
}
