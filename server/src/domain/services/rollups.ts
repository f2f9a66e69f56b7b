/**
 * Rollups of event links (calls, payments, transfers) between the same two entities, for the canvas
 * and for "how much went from this victim to that wallet?" at a glance. Which property is the amount,
 * the asset and the time comes from the model's `rollup` hints. Pure: sums are exact (addDecimals).
 */
import { addDecimals } from '../decimal.js';
import type { Link } from '../graph.js';
import { model, type RelationshipDef } from '../model/index.js';

export interface AssetTotal {
  readonly asset: string;
  /** Exact decimal string. */
  readonly amount: string;
}

export interface Rollup {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** One per asset, sorted by asset; empty for links without amounts (calls). */
  readonly totals: readonly AssetTotal[];
  /** ISO 8601 UTC; null when no link of the group carries a time. */
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  readonly linkIds: readonly string[];
}

/** Assets are upper-cased so `usdt` and `USDT` sum together; a payment without an asset sums under `?`. */
const UNKNOWN_ASSET = '?';

const rollupDefs = new Map<string, NonNullable<RelationshipDef['rollup']>>(
  model.relationships.flatMap((r) => (r.rollup ? [[r.name, r.rollup] as const] : [])),
);

interface Group {
  type: string;
  from: string;
  to: string;
  count: number;
  totals: Map<string, string>;
  firstAt: string | null;
  lastAt: string | null;
  linkIds: string[];
}

/** Groups the links of rolled-up types by (type, from, to); other links are ignored. Sorted by type, from, to. */
export function rollupLinks(links: readonly Link[]): Rollup[] {
  const groups = new Map<string, Group>();
  for (const link of links) {
    const def = rollupDefs.get(link.type);
    if (!def) continue;
    const key = `${link.type}|${link.from}|${link.to}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        type: link.type,
        from: link.from,
        to: link.to,
        count: 0,
        totals: new Map(),
        firstAt: null,
        lastAt: null,
        linkIds: [],
      };
      groups.set(key, group);
    }
    group.count += 1;
    group.linkIds.push(link.id);
    const amount = def.amount === undefined ? undefined : link.properties[def.amount];
    if (typeof amount === 'string' && amount !== '') {
      const raw = def.asset === undefined ? undefined : link.properties[def.asset];
      const asset = typeof raw === 'string' && raw !== '' ? raw.toUpperCase() : UNKNOWN_ASSET;
      group.totals.set(asset, addDecimals(group.totals.get(asset) ?? '0', amount));
    }
    const at = def.time === undefined ? undefined : link.properties[def.time];
    if (typeof at === 'string' && at !== '') {
      // ISO 8601 UTC strings of one format order as their instants.
      if (group.firstAt === null || at < group.firstAt) group.firstAt = at;
      if (group.lastAt === null || at > group.lastAt) group.lastAt = at;
    }
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()]
    .map((g) => ({
      type: g.type,
      from: g.from,
      to: g.to,
      count: g.count,
      totals: [...g.totals.entries()].sort(([a], [b]) => order(a, b)).map(([asset, amount]) => ({ asset, amount })),
      firstAt: g.firstAt,
      lastAt: g.lastAt,
      linkIds: g.linkIds.sort(order),
    }))
    .sort((a, b) => order(a.type, b.type) || order(a.from, b.from) || order(a.to, b.to));
}
