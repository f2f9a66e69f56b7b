import { describe, expect, it } from 'vitest';
import type { Entity } from '../graph.js';
import type { GraphReader } from '../services/graph-reader.js';
import {
  matchesWithoutPersonal,
  MAX_CHECKED_HITS,
  nonPersonalWords,
  searchWithoutPersonal,
  searchWords,
} from './redact-search.js';

const victim = (n: number, name: string): Entity => ({
  id: `victim:v-${n}`,
  kind: 'Victim',
  properties: { name, email: `${name.toLowerCase()}@mail.example`, complaintRef: `CMP-${n}` },
  sources: [],
});
const wallet = (n: number): Entity => ({
  id: `wallet:eth:0x${n}`,
  kind: 'Wallet',
  properties: { address: `0x${n}`, label: 'conti' },
  sources: [],
});

/** A store whose "engine" matches any word of the whole text (personal values included), scored by a table. */
function fakeStore(entities: Entity[], score: (e: Entity) => number): GraphReader & { calls: number } {
  const store = {
    calls: 0,
    async search(o: { text: string; kinds?: readonly string[]; limit: number; offset: number }) {
      store.calls++;
      const words = searchWords(o.text);
      const all = entities
        .filter((e) => !o.kinds || o.kinds.includes(e.kind))
        .filter((e) => words.some((w) => searchWords(JSON.stringify(e.properties) + ' ' + e.id).includes(w)))
        .map((entity) => ({ entity, score: score(entity) }))
        .sort((a, b) => b.score - a.score || (a.entity.id < b.entity.id ? -1 : 1));
      return { hits: all.slice(o.offset, o.offset + o.limit), total: all.length };
    },
  } as unknown as GraphReader & { calls: number };
  return store;
}

describe('search without personal values', () => {
  it('folds words like the index: accents, case, punctuation', () => {
    expect(searchWords('Müller-Łódź  CMP-DE-0001')).toEqual(['muller', 'łodz', 'cmp', 'de', '0001']);
    expect(nonPersonalWords(victim(7, 'Ingrid'))).toEqual(new Set(['v', '7', 'cmp']));
    expect(matchesWithoutPersonal(victim(7, 'Ingrid'), ['ingrid'])).toBe(false);
    expect(matchesWithoutPersonal(victim(7, 'Ingrid'), ['cmp'])).toBe(true);
  });

  it('drops and does not count hits that match only through personal text', async () => {
    const entities = [victim(1, 'Conti'), victim(2, 'Jansen'), wallet(1)];
    const store = fakeStore(entities, () => 1);
    const page = await searchWithoutPersonal(store, { text: 'conti', first: 20 });
    expect(page.hits.map((h) => h.entity.id)).toEqual(['wallet:eth:0x1']);
    expect(page.totalCount).toBe(1);
    expect(page.hasNextPage).toBe(false);
    const byRef = await searchWithoutPersonal(store, { text: 'v-2', first: 20, kinds: ['Victim'] });
    expect(byRef.hits.map((h) => h.entity.id)).toEqual(['victim:v-1', 'victim:v-2']);
    const byMail = await searchWithoutPersonal(store, { text: 'jansen@mail.example', first: 20 });
    expect(byMail.totalCount).toBe(0);
  });

  it('pages the merged ranking like the store (score, then id), with counts of kept hits only', async () => {
    const entities = [
      ...Array.from({ length: 30 }, (_, i) => victim(i, `Name${i}`)),
      ...Array.from({ length: 30 }, (_, i) => wallet(i)),
    ];
    // The word "cmp" matches every victim through its complaint reference; "conti" every wallet's label.
    const store = fakeStore(entities, (e) =>
      e.kind === 'Victim' ? 100 - Number(e.id.slice(9)) : 100.5 - Number(e.id.slice(13)),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<typeof searchWithoutPersonal>> = await searchWithoutPersonal(store, {
        text: 'cmp conti',
        first: 7,
        after,
      });
      expect(page.totalCount).toBe(60);
      seen.push(...page.hits.map((h) => h.entity.id));
      if (!page.hasNextPage) break;
      after = page.hits.at(-1)!.cursor;
    }
    const expected = (await store.search({ text: 'cmp conti', limit: 1000, offset: 0 })).hits.map((h) => h.entity.id);
    expect(seen).toEqual(expected);
  });

  it('passes a search of kinds without personal search text straight to the store', async () => {
    const store = fakeStore([wallet(1)], () => 1);
    const page = await searchWithoutPersonal(store, { text: 'conti', first: 5, kinds: ['Wallet'] });
    expect(page.totalCount).toBe(1);
    expect(store.calls).toBe(1);
  });
});

describe('bounds of a search without personal values', () => {
  it('counts exactly, with no bound reported, when every hit was checked', async () => {
    const store = fakeStore([victim(1, 'Conti'), victim(2, 'Jansen'), wallet(1)], () => 1);
    const page = await searchWithoutPersonal(store, { text: 'cmp conti', first: 20 });
    expect(page.totalCount).toBe(3);
    expect(page.truncated).toBeNull();
  });

  it('reports maxCheckedHits when more hits were found than it checks, instead of omitting them silently', async () => {
    // Every victim matches "conti" only through its name; victim 0 also matches "0" through its key.
    const count = MAX_CHECKED_HITS + 50;
    const entities = Array.from({ length: count }, (_, i) => victim(i, 'Conti'));
    const store = fakeStore(entities, (e) => count - Number(e.id.slice(9)));
    const page = await searchWithoutPersonal(store, { text: 'conti 0', first: 5, kinds: ['Victim'] });
    expect(page.truncated).toEqual({ bound: 'maxCheckedHits', value: MAX_CHECKED_HITS });
    expect(page.hits.map((h) => h.entity.id)).toEqual(['victim:v-0']);
    expect(store.calls).toBeLessThanOrEqual(Math.ceil(MAX_CHECKED_HITS / 1_000) + 1);
    const exact = await searchWithoutPersonal(
      fakeStore(entities.slice(0, 10), () => 1),
      {
        text: 'conti 0',
        first: 5,
        kinds: ['Victim'],
      },
    );
    expect(exact.truncated).toBeNull();
  });

  it('stops checking once the page is full, reports pageFull, and pages on like the full ranking', async () => {
    const count = 1_500;
    const entities = Array.from({ length: count }, (_, i) => victim(i, `Name${i}`));
    const store = fakeStore(entities, (e) => count - Number(e.id.slice(9)));
    const page = await searchWithoutPersonal(store, { text: 'cmp', first: 5, kinds: ['Victim'] });
    expect(page.truncated).toEqual({ bound: 'pageFull', value: 1_000 });
    expect(page.totalCount).toBeGreaterThanOrEqual(6);
    expect(page.hasNextPage).toBe(true);
    expect(page.hits.map((h) => h.entity.id)).toEqual([0, 1, 2, 3, 4].map((i) => `victim:v-${i}`));
    expect(store.calls).toBe(1);
    const after = page.hits.at(-1)!.cursor;
    const next = await searchWithoutPersonal(store, { text: 'cmp', first: 5, kinds: ['Victim'], after });
    expect(next.hits.map((h) => h.entity.id)).toEqual([5, 6, 7, 8, 9].map((i) => `victim:v-${i}`));
  });
});

describe('scores of kept hits', () => {
  it('do not rise with a word that matched only personal text (no score oracle on a name)', async () => {
    const entities = [victim(1, 'Ingrid'), victim(2, 'Sofia')];
    // A BM25-like stand-in: how many words of the query the whole text (personal values included) holds.
    const store = fakeStore([], () => 0);
    const scoring = {
      ...store,
      async search(o: { text: string; kinds?: readonly string[]; limit: number; offset: number }) {
        const words = searchWords(o.text);
        const all = entities
          .filter((e) => !o.kinds || o.kinds.includes(e.kind))
          .map((entity) => {
            const text = searchWords(JSON.stringify(entity.properties) + ' ' + entity.id);
            return { entity, score: words.filter((w) => text.includes(w)).length };
          })
          .filter((h) => h.score > 0)
          .sort((a, b) => b.score - a.score || (a.entity.id < b.entity.id ? -1 : 1));
        return { hits: all.slice(o.offset, o.offset + o.limit), total: all.length };
      },
    } as GraphReader;
    const plain = await searchWithoutPersonal(scoring, { text: 'cmp', first: 10 });
    const probing = await searchWithoutPersonal(scoring, { text: 'cmp ingrid', first: 10 });
    const scores = (p: typeof plain) => Object.fromEntries(p.hits.map((h) => [h.entity.id, h.score]));
    expect(scores(probing)).toEqual(scores(plain));
    expect(scores(plain)).toEqual({ 'victim:v-1': 1, 'victim:v-2': 1 });
    expect(probing.hits.map((h) => h.entity.id)).toEqual(['victim:v-1', 'victim:v-2']);
  });
});
