/**
 * The numbers on an aggregate edge (all links of one type between two entities): count, totals per asset,
 * first and last time. The server's rollup is used when it covers exactly the links drawn; otherwise
 * (links from several answers, some removed) they are summed here the same way: `amount` by `asset`
 * (upper-cased, `?` when missing), times from `at`, as the model's rollup hints name them.
 */
import { addDecimals } from './decimal';
import { sameList } from './equal';
import type { GraphLink, Rollup } from './types';

export interface EdgeRollup {
  readonly count: number;
  readonly totals: ReadonlyArray<{ readonly asset: string; readonly amount: string }>;
  readonly firstAt: string | null;
  readonly lastAt: string | null;
}

const UNKNOWN_ASSET = '?';
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `links` share type, from and to; `server` is the scene's rollup for that pair, `rolledUp` says whether the
 * type is one the server rolls up (calls, payments, transfers): other types only get a count.
 */
export function edgeRollup(links: readonly GraphLink[], server: Rollup | undefined, rolledUp: boolean): EdgeRollup {
  const ids = links.map((l) => l.id).sort(order);
  if (server && sameList([...server.linkIds].sort(order), ids)) {
    return { count: server.count, totals: server.totals, firstAt: server.firstAt, lastAt: server.lastAt };
  }
  if (!rolledUp) return { count: links.length, totals: [], firstAt: null, lastAt: null };
  const totals = new Map<string, string>();
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  for (const link of links) {
    const amount = link.properties['amount'];
    if (typeof amount === 'string' && amount !== '') {
      const raw = link.properties['asset'];
      const asset = typeof raw === 'string' && raw !== '' ? raw.toUpperCase() : UNKNOWN_ASSET;
      const sum = addDecimals(totals.get(asset) ?? '0', amount);
      if (sum !== null) totals.set(asset, sum);
    }
    const at = link.properties['at'];
    if (typeof at === 'string' && at !== '') {
      // ISO 8601 UTC strings of one format order as their instants.
      if (firstAt === null || at < firstAt) firstAt = at;
      if (lastAt === null || at > lastAt) lastAt = at;
    }
  }
  return {
    count: links.length,
    totals: [...totals.entries()].sort(([a], [b]) => order(a, b)).map(([asset, amount]) => ({ asset, amount })),
    firstAt,
    lastAt,
  };
}

/** Short text for the edge: `3×`, `2× · 1.5 ETH`, `0.3 BTC + 100 USDT`; empty for a single plain link. */
export function rollupLabel(rollup: EdgeRollup): string {
  const parts: string[] = [];
  if (rollup.count > 1) parts.push(`${rollup.count}×`);
  if (rollup.totals.length > 0) parts.push(rollup.totals.map((t) => `${t.amount} ${t.asset}`).join(' + '));
  return parts.join(' · ');
}
