/** Reads by id and full-text search. */
import { beforeAll, describe, expect, it } from 'vitest';
import { caseBatch, CDR, COMPLAINTS, ID, linkId, REPORT } from './fixtures.js';
import { rejectsWith, useStore, type OpenStore } from './harness.js';

export function readContract(open: OpenStore) {
  describe('get by ids', () => {
    const s = useStore(open);
    beforeAll(async () => {
      await s.store.write(caseBatch());
    });

    it('returns entities in the order asked, each once, leaving unknown ids out', async () => {
      const got = await s.store.getEntities([ID.v2, 'victim:nobody', ID.group, ID.v2, 'nonsense', 'zz:1']);
      expect(got.map((e) => e.id)).toEqual([ID.v2, ID.group]);
      expect(got[1]).toEqual({
        id: ID.group,
        kind: 'CrimeGroup',
        properties: { name: 'Khimprom', aliases: ['Химпром'] },
        sources: [REPORT],
      });
      expect(await s.store.getEntities([])).toEqual([]);
    });

    it('returns links with their direction, properties and sources', async () => {
      const calledId = linkId('CALLED', ID.phone, ID.v1, ['2024-05-01T10:11:12.345Z']);
      const recruitedId = linkId('RECRUITED', ID.recruiter, ID.caller);
      const got = await s.store.getLinks([calledId, 'link:CALLED:0000000000000000', recruitedId, 'link:NOPE:1', 'x']);
      expect(got).toEqual([
        {
          id: calledId,
          type: 'CALLED',
          from: ID.phone,
          to: ID.v1,
          properties: { at: '2024-05-01T10:11:12.345Z', durationSeconds: 300 },
          sources: [CDR],
        },
        {
          id: recruitedId,
          type: 'RECRUITED',
          from: ID.recruiter,
          to: ID.caller,
          properties: { at: '2023-03-01' },
          sources: [REPORT],
        },
      ]);
    });

    it('keeps the source file entity apart from the graph but gets it by id', async () => {
      const [file] = await s.store.getEntities([ID.source]);
      expect(file).toMatchObject({ kind: 'SourceFile', properties: { name: 'report.txt', basis: 'reported' } });
    });
  });

  describe('full-text search', () => {
    const s = useStore(open);
    beforeAll(async () => {
      await s.store.write(caseBatch());
    });

    it('finds entities by a word of their text, best match first', async () => {
      const result = await s.store.search({ text: 'schmidt anna', limit: 10, offset: 0 });
      expect(result.total).toBe(2);
      expect(result.hits.map((h) => h.entity.id)).toEqual([ID.v1, ID.v3]);
      expect(result.hits[0]!.score).toBeGreaterThan(result.hits[1]!.score);
      expect(result.hits[0]!.entity).toMatchObject({ kind: 'Victim', sources: [COMPLAINTS] });
    });

    it('finds numbers and addresses by their digits', async () => {
      const phone = await s.store.search({ text: '+74950000001', limit: 10, offset: 0 });
      expect(phone.hits.map((h) => h.entity.id)).toEqual([ID.phone]);
      const ip = await s.store.search({ text: '10.0.0.17', limit: 10, offset: 0 });
      expect(ip.hits.map((h) => h.entity.id)).toEqual([ID.ws]);
      const wallet = await s.store.search({ text: '0x52908400098527886e0f7030069857d2e4169ee7', limit: 10, offset: 0 });
      expect(wallet.hits.map((h) => h.entity.id)).toEqual([ID.wallet]);
    });

    it('filters by kind and refuses a system or unknown kind', async () => {
      const result = await s.store.search({ text: 'moscow', kinds: ['CallCentre'], limit: 10, offset: 0 });
      expect(result.hits.map((h) => h.entity.kind)).toEqual(['CallCentre', 'CallCentre']);
      expect((await s.store.search({ text: 'moscow', kinds: ['Victim'], limit: 10, offset: 0 })).total).toBe(0);
      await rejectsWith(
        s.store.search({ text: 'report', kinds: ['SourceFile'], limit: 10, offset: 0 }),
        'INVALID_ARGUMENT',
        'SourceFile',
      );
      await rejectsWith(
        s.store.search({ text: 'x', kinds: ['Spaceship'], limit: 10, offset: 0 }),
        'INVALID_ARGUMENT',
        'Spaceship',
      );
    });

    it('pages with a stable order and a total over all pages', async () => {
      const all = await s.store.search({ text: 'moscow ivan petrov schmidt', limit: 100, offset: 0 });
      expect(all.total).toBe(all.hits.length);
      expect(all.total).toBeGreaterThanOrEqual(4);
      const pages = [];
      for (let offset = 0; offset < all.total; offset += 2) {
        const page = await s.store.search({ text: 'moscow ivan petrov schmidt', limit: 2, offset });
        expect(page.total).toBe(all.total);
        pages.push(...page.hits.map((h) => h.entity.id));
      }
      expect(pages).toEqual(all.hits.map((h) => h.entity.id));
      expect((await s.store.search({ text: 'moscow', limit: 0, offset: 0 })).hits).toEqual([]);
    });

    it('returns nothing for blank text and refuses out-of-range paging', async () => {
      expect(await s.store.search({ text: '   ', limit: 10, offset: 0 })).toEqual({ hits: [], total: 0 });
      await rejectsWith(s.store.search({ text: 'moscow', limit: -1, offset: 0 }), 'INVALID_ARGUMENT', 'limit');
      await rejectsWith(s.store.search({ text: 'moscow', limit: 10, offset: 1.5 }), 'INVALID_ARGUMENT', 'offset');
    });
  });
}
