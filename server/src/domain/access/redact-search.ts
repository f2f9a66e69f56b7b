/**
 * Search for callers without `personal:read`: a hit must not be returned, nor counted, because the text
 * matched a personal value (a viewer searching a victim's e-mail learns nothing, not even that a victim
 * has it). The engine's index folds personal values into a kind's search text, so hits of those kinds
 * (kindsSearchingPersonal) are checked again here, above the port, the same on both engines: a hit is kept
 * when a word of the query is a word of its non-personal search text (the searchable properties that are
 * not personal, and the id's key), as the model derives it. Words are compared exactly (no stemming, no
 * wildcards): a hit is dropped rather than kept on a guess.
 */
import type { Entity } from '../graph.js';
import { model } from '../model/index.js';
import { BOUNDS, integerIn, kindsIn } from '../services/arguments.js';
import type { GraphReader } from '../services/graph-reader.js';
import { cursorOf, positionOf, searchEntities, type SearchArgs, type SearchPage } from '../services/read-graph.js';
import { kindsSearchingPersonal } from './redact.js';

/** The store's largest search page (both adapters). */
const STORE_PAGE = 1_000;
/**
 * Most hits of kinds with personal search text checked per search. Beyond them hits are neither returned
 * nor counted (a viewer's search of a very common word may miss victims, never reveal one), and the page
 * says so in `truncated`. 2,000: two store pages, about the cost of an analyst's search.
 */
export const MAX_CHECKED_HITS = 2_000;

/**
 * Why `totalCount` is only a lower bound: `maxCheckedHits` (`value` hits checked, more were found), or
 * `pageFull` (checking stopped once the page and the next one's first hit were found; `value` hits checked).
 */
export interface SearchTruncation {
  readonly bound: 'maxCheckedHits' | 'pageFull';
  readonly value: number;
}

export interface RedactedSearchPage extends SearchPage {
  /** Null when every hit was checked and `totalCount` is exact. */
  readonly truncated: SearchTruncation | null;
}

/** Words as compared here: accents and case folded, split at anything not a letter or a digit. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const kindByName = new Map(model.kinds.map((k) => [k.name, k]));

/** The words of an entity's search text without its personal values (searchable, not personal, and the id's key). */
export function nonPersonalWords(entity: Entity): Set<string> {
  const kind = kindByName.get(entity.kind);
  const words = new Set<string>();
  if (!kind) return words;
  for (const w of searchWords(entity.id.slice(kind.idPrefix.length + 1))) words.add(w);
  for (const [name, def] of Object.entries(kind.properties)) {
    const value = entity.properties[name];
    if (!def.searchable || def.personal || value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) for (const w of searchWords(String(v))) words.add(w);
  }
  return words;
}

/** Whether the query (disjunctive, as both engines run it) matches the entity without its personal values. */
export function matchesWithoutPersonal(entity: Entity, queryWords: readonly string[]): boolean {
  const words = nonPersonalWords(entity);
  return queryWords.some((w) => words.has(w));
}

interface Hit {
  readonly entity: Entity;
  readonly score: number;
}

const byRank = (a: Hit, b: Hit) =>
  b.score - a.score || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0);

/**
 * Hits of these kinds, best first, that `keep` passes, page after page (the first of `firstPage` hits)
 * until `enough` says so, `scan` were looked at, or none are left; the store's total and how many were
 * looked at.
 */
async function collect(
  store: GraphReader,
  text: string,
  kinds: readonly string[],
  o: { scan: number; firstPage: number; keep: (entity: Entity) => boolean; enough: (hits: readonly Hit[]) => boolean },
): Promise<{ hits: Hit[]; total: number; checked: number }> {
  const hits: Hit[] = [];
  let offset = 0;
  let total: number;
  do {
    const limit = Math.min(offset === 0 ? o.firstPage : STORE_PAGE, o.scan - offset);
    const page = await store.search({ text, kinds, limit, offset });
    total = page.total;
    for (const h of page.hits) if (o.keep(h.entity)) hits.push({ entity: h.entity, score: h.score });
    if (page.hits.length === 0) break;
    offset += page.hits.length;
  } while (offset < total && offset < o.scan && !o.enough(hits));
  return { hits, total, checked: Math.min(offset, total) };
}

/**
 * The kept hits scored again on the words they matched without personal text. Their engine score counts
 * every word of the query, personal text included: "CMP-DE-0001 ingrid" would outscore "CMP-DE-0001" when
 * the victim is named Ingrid. So when some words of the query matched no kept hit's non-personal text,
 * the kept hits are searched again with only the words that did, and take that score (0 if that search
 * no longer reaches them). What remains: a word of that set that a victim's personal text also holds
 * (a country code in an e-mail address) still counts twice.
 */
async function rescored(
  store: GraphReader,
  kinds: readonly string[],
  words: readonly string[],
  hits: readonly Hit[],
): Promise<{ hits: Hit[]; total: number }> {
  const matched = new Set(hits.flatMap((h) => [...nonPersonalWords(h.entity)].filter((w) => words.includes(w))));
  if (hits.length === 0 || words.every((w) => matched.has(w))) return { hits: [...hits], total: hits.length };
  // Only the kept hits' scores are wanted: the search stops once it has seen them all.
  const unseen = new Set(hits.map((h) => h.entity.id));
  const again = await collect(store, [...matched].join(' '), kinds, {
    scan: MAX_CHECKED_HITS,
    firstPage: STORE_PAGE,
    keep: (e) => unseen.delete(e.id),
    enough: () => unseen.size === 0,
  });
  const scores = new Map(again.hits.map((h) => [h.entity.id, h.score]));
  return { hits: hits.map((h) => ({ entity: h.entity, score: scores.get(h.entity.id) ?? 0 })), total: hits.length };
}

/**
 * `searchEntities` for a caller without `personal:read`. Kinds without personal search text are paged
 * by the store as usual; hits of the others are checked one by one, and the two ranked lists merged by
 * score then id, as the store orders them. `totalCount` counts only hits kept.
 *
 * Checking stops early, with `totalCount` then a lower bound reported in `truncated`:
 * - once the page (and the next page's first hit) is found and every word of the query matched some kept
 *   hit's non-personal text: no hit will be scored again (`rescored`), so the rest cannot outrank them;
 * - after MAX_CHECKED_HITS hits.
 * Whether a bound was hit depends on how many hits the engine found, personal text included: it says that
 * many hits matched, never which, as the page's position among them did before.
 */
export async function searchWithoutPersonal(store: GraphReader, args: SearchArgs): Promise<RedactedSearchPage> {
  const first = integerIn('first', args.first, BOUNDS.first);
  const asked = kindsIn('kinds', args.kinds) ?? model.kinds.filter((k) => !k.system).map((k) => k.name);
  const sensitive = asked.filter((k) => kindsSearchingPersonal.includes(k));
  if (sensitive.length === 0) return { ...(await searchEntities(store, args)), truncated: null };
  const safe = asked.filter((k) => !kindsSearchingPersonal.includes(k));
  const offset = args.after === undefined || args.after === null ? 0 : positionOf(args.after) + 1;
  const words = searchWords(args.text);
  const wanted = offset + first;

  // The words some kept hit matched without personal text, as the hits are checked.
  const matched = new Set<string>();
  const keep = (entity: Entity) => {
    const own = nonPersonalWords(entity);
    const hit = words.filter((w) => own.has(w));
    for (const w of hit) matched.add(w);
    return hit.length > 0;
  };
  const none = { hits: [], total: 0, checked: 0 };
  const [found, others] = await Promise.all([
    words.length === 0
      ? none
      : collect(store, args.text, sensitive, {
          scan: MAX_CHECKED_HITS,
          firstPage: STORE_PAGE,
          keep,
          enough: (hits) => hits.length > wanted && words.every((w) => matched.has(w)),
        }),
    // Enough of the other kinds' best hits to fill the page wherever the checked hits fall in the ranking.
    safe.length === 0
      ? none
      : collect(store, args.text, safe, {
          scan: Infinity,
          firstPage: Math.min(STORE_PAGE, wanted),
          keep: () => true,
          enough: (hits) => hits.length >= wanted,
        }),
  ]);
  const checked = await rescored(store, sensitive, words, found.hits);
  const ranked = [...checked.hits, ...others.hits.slice(0, wanted)].sort(byRank);
  const page = ranked.slice(offset, offset + first);
  const totalCount = others.total + checked.hits.length;
  const truncated: SearchTruncation | null =
    found.checked >= found.total
      ? null
      : found.checked >= MAX_CHECKED_HITS
        ? { bound: 'maxCheckedHits', value: MAX_CHECKED_HITS }
        : { bound: 'pageFull', value: found.checked };
  return {
    hits: page.map((h, i) => ({ ...h, cursor: cursorOf(offset + i) })),
    totalCount,
    hasNextPage: offset + page.length < totalCount,
    hasPreviousPage: offset > 0,
    truncated,
  };
}
