/**
 * The hostile client: its own (analyst) token, every connection hammering without pause. A quarter of
 * its connections ask what costs the server most (a connection waiting on a 30 s query sends nothing
 * else meanwhile, so these are kept apart):
 *   3-hop hub          neighbourhood of a hub at depth 3 with the largest cap (500): valid, expensive
 *   cypher             ad-hoc Cypher (its token may) with a variable-length pattern and the longest timeout
 * the others what the server must refuse, and a flood:
 *   aliases            one document repeating a 3-hop neighbourhood under 40 aliases (armor: 15)
 *   deep               introspection nested 40 levels (armor: depth 15)
 *   tokens             a document of ~6,000 tokens (armor: 2,000)
 *   oversize           a 1.2 MiB body (the cap is 1 MiB)
 *   bad token          a well-formed token that does not exist
 *   no token           no Authorization header
 *   flood              the cheapest valid search, as fast as it can: the rate limit's case
 */
import type { Request } from 'autocannon';
import { Rng } from '@ringtrace/seed/lib/rng.js';
import { body, NEIGHBOURHOOD, RUN_CYPHER, SEARCH } from './documents.js';
import { JSON_HEADERS, weighted } from './legit-mix.js';
import type { Recorder } from './recorder.js';

interface HostileEntry {
  readonly name: string;
  readonly weight: number;
  /** false: no Authorization header; 'bad': a token that does not exist. */
  readonly auth?: false | 'bad';
  readonly body: (rng: Rng) => string;
}

const nested = (levels: number) =>
  `{ __schema { types { ${'fields { type { ofType { '.repeat(levels)}name${' } } }'.repeat(levels)} } } }`;

const aliases = (hub: string, count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: neighbourhood(ids: ["${hub}"], depth: 3, limit: 500) { entities { id } }`).join(' ')} }`;

const manyTokens = () =>
  `{ ${Array.from({ length: 3000 }, (_, i) => `__typename a${i}: __typename`)
    .join(' ')
    .slice(0, 60_000)} }`;

export interface HostileMixes {
  readonly expensive: HostileEntry[];
  readonly refused: HostileEntry[];
}

export function hostileMixes(hubs: readonly string[]): HostileMixes {
  const oversize = body(SEARCH, { text: 'x'.repeat(1_258_291) });
  const search = body(SEARCH, { text: 'ivan', first: 1 });
  const expensive: HostileEntry[] = [
    {
      name: '3-hop hub',
      weight: 2,
      body: (rng) => body(NEIGHBOURHOOD, { ids: [rng.pick(hubs)], depth: 3, limit: 500 }),
    },
    {
      name: 'cypher',
      weight: 1,
      body: () =>
        body(RUN_CYPHER, { query: 'MATCH (a)-[*1..4]-(b) RETURN count(*) AS paths', rowCap: 10000, timeoutMs: 30000 }),
    },
  ];
  const refused: HostileEntry[] = [
    { name: 'aliases', weight: 10, body: (rng) => JSON.stringify({ query: aliases(rng.pick(hubs), 40) }) },
    { name: 'deep', weight: 10, body: () => JSON.stringify({ query: nested(40) }) },
    { name: 'tokens', weight: 5, body: () => JSON.stringify({ query: manyTokens() }) },
    { name: 'oversize', weight: 5, body: () => oversize },
    { name: 'bad token', weight: 10, auth: 'bad', body: () => search },
    { name: 'no token', weight: 5, auth: false, body: () => search },
    { name: 'flood', weight: 40, body: (rng) => body(SEARCH, { text: rng.pick(['ab', 'iv', 'ol', 'no']), first: 1 }) },
  ];
  return { expensive, refused };
}

const badToken = (rng: Rng) =>
  `rt_${rng
    .int(0, 2 ** 31)
    .toString(16)
    .padStart(16, '0')}_${'A'.repeat(43)}`;

export function hostileRequests(
  mix: readonly HostileEntry[],
  token: string,
  recorder: Recorder,
  seed: number,
): Request[] {
  const rng = new Rng(seed);
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (request, context) => {
        const entry = weighted(rng, mix);
        // No root to check: what the hostile client gets is counted by status and problem.
        recorder.sending(context, entry.name);
        const authorization: Record<string, string> =
          entry.auth === false ? {} : { authorization: `Bearer ${entry.auth === 'bad' ? badToken(rng) : token}` };
        return { ...request, headers: { ...JSON_HEADERS, ...authorization }, body: entry.body(rng) };
      },
      onResponse: (status, text, context) => recorder.body(context, status, text),
    },
  ];
}
