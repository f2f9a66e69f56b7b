/**
 * Ids of what the view draws besides entities: aggregate edges and "N more" markers. In one place so
 * the view, selection and saved views agree on them.
 */

/** Key of one (type, from, to) pair: the scene's `rollups` are keyed by it. */
export const pairKey = (type: string, from: string, to: string): string => `${type}|${from}|${to}`;

const AGGREGATE = 'agg:';
const MORE = 'more:';

/** The one edge drawn for every link of a type between two entities. */
export const aggregateId = (type: string, from: string, to: string): string => `${AGGREGATE}${pairKey(type, from, to)}`;

/** The "N more" marker of an expansion that hit a bound. */
export const moreId = (expansionId: string): string => `${MORE}${expansionId}`;

/** `{ type, from, to }` of an aggregate edge id, or null when the id is not one. */
export function parseAggregateId(id: string): { type: string; from: string; to: string } | null {
  if (!id.startsWith(AGGREGATE)) return null;
  // Entity ids may hold `|`? No: ids are `<prefix>:<key>` with normalised keys, but split on the first
  // and last bar anyway so a bar inside `from` can't shift `to`.
  const rest = id.slice(AGGREGATE.length);
  const first = rest.indexOf('|');
  const last = rest.lastIndexOf('|');
  if (first < 0 || last === first) return null;
  return { type: rest.slice(0, first), from: rest.slice(first + 1, last), to: rest.slice(last + 1) };
}

/** The edge from an expansion's seed to its "N more" marker. */
export const moreEdgeId = (expansionId: string): string => `more-edge:${expansionId}`;

/** The expansion id behind a marker id, or null. */
export const parseMoreId = (id: string): string | null => (id.startsWith(MORE) ? id.slice(MORE.length) : null);

/**
 * An expansion's id from what was asked: expanding the same seeds the same way again (a bigger limit,
 * "open the N more") updates that expansion instead of stacking a second one.
 */
export function expansionId(seeds: readonly string[], linkTypes: readonly string[], depth: number): string {
  const sorted = (xs: readonly string[]) => [...new Set(xs)].sort().join(',');
  return `x:${depth}:${sorted(linkTypes) || '*'}:${sorted(seeds)}`;
}
