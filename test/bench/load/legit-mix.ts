/**
 * The investigators' traffic: each request a real GraphQL POST, as the web app sends it, with variables
 * drawn afresh from the case (picks.ts) and a token taken in turn from the legitimate users' tokens.
 *   search           typeahead: prefixes (3, 5, 8 characters, whole) of real captions
 *   neighbourhood    1 hop from typical entities, and from the hubs (where the cap of 100 bites); 2 hops
 *                    from typical entities; the API's default cap of 100
 *   paths            a call centre of the biggest ring to its crime group, a victim to it (at most 6 hops)
 */
import type { Request } from 'autocannon';
import { Rng } from '@ringtrace/seed/lib/rng.js';
import { FIELD_COSTS, neighbourhoodCost } from '@ringtrace/server/http/rate-limit-cost.js';
import { body, NEIGHBOURHOOD, PATHS, SEARCH } from './documents.js';
import type { LoadPicks } from './picks.js';
import type { Recorder } from './recorder.js';

export interface MixEntry {
  readonly name: string;
  /** Share of the requests, out of the weights' sum. */
  readonly weight: number;
  /** The root field the answer must hold. */
  readonly root: string;
  /** What one request costs against its token's rate limit (server/src/http/rate-limit-cost.ts). */
  readonly points: number;
  readonly body: (rng: Rng) => string;
}

const CAP = 100;

function prefixOf(rng: Rng, caption: string): string {
  const length = rng.pick([3, 5, 8, caption.length]);
  return caption.slice(0, Math.min(length, caption.length)).trim() || caption;
}

export function legitMix(p: LoadPicks): MixEntry[] {
  const hubs = p.hubs.map((h) => h.id);
  return [
    {
      name: 'search',
      weight: 40,
      root: 'search',
      points: FIELD_COSTS['search'] ?? 1,
      body: (rng) => body(SEARCH, { text: prefixOf(rng, rng.pick(p.captions)), first: 20 }),
    },
    {
      name: 'neighbourhood 1-hop',
      weight: 22,
      root: 'neighbourhood',
      points: neighbourhoodCost(1),
      body: (rng) => body(NEIGHBOURHOOD, { ids: [rng.pick(p.typical)], depth: 1, limit: CAP }),
    },
    {
      name: 'neighbourhood 1-hop hub',
      weight: 3,
      root: 'neighbourhood',
      points: neighbourhoodCost(1),
      body: (rng) => body(NEIGHBOURHOOD, { ids: [rng.pick(hubs)], depth: 1, limit: CAP }),
    },
    {
      name: 'neighbourhood 2-hop',
      weight: 15,
      root: 'neighbourhood',
      points: neighbourhoodCost(2),
      body: (rng) => body(NEIGHBOURHOOD, { ids: [rng.pick(p.typical)], depth: 2, limit: CAP }),
    },
    {
      name: 'paths ring -> group',
      weight: 10,
      root: 'paths',
      points: FIELD_COSTS['paths'] ?? 1,
      body: (rng) => body(PATHS, { from: rng.pick(p.centres), to: p.group, maxHops: 6, limit: 10 }),
    },
    {
      name: 'paths victim -> group',
      weight: 10,
      root: 'paths',
      points: FIELD_COSTS['paths'] ?? 1,
      body: (rng) => body(PATHS, { from: rng.pick(p.victims), to: p.group, maxHops: 6, limit: 10 }),
    },
  ];
}

/** Draws an entry by weight. */
export function weighted<T extends { readonly weight: number }>(rng: Rng, entries: readonly T[]): T {
  const total = entries.reduce((n, e) => n + e.weight, 0);
  let x = rng.float() * total;
  for (const e of entries) if ((x -= e.weight) < 0) return e;
  return entries[entries.length - 1]!;
}

export const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
};

/**
 * autocannon's requests[]: one dynamic request; each send draws an operation and its variables, and the
 * next token in turn (so every token carries an equal share, as many users would). Searches are reported
 * by role: without `personal:read` the server searches differently (hits only on personal text dropped).
 */
export function legitRequests(
  mix: readonly MixEntry[],
  tokens: readonly { readonly token: string; readonly role: string }[],
  recorder: Recorder,
  seed: number,
): Request[] {
  const rng = new Rng(seed);
  let turn = 0;
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (request, context) => {
        const entry = weighted(rng, mix);
        const { token, role } = tokens[turn++ % tokens.length]!;
        recorder.sending(context, entry.name === 'search' ? `search (${role})` : entry.name, entry.root);
        return { ...request, headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` }, body: entry.body(rng) };
      },
      onResponse: (status, text, context) => recorder.body(context, status, text),
    },
  ];
}
