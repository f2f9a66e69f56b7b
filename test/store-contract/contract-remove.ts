/** Removal: links by id, entities with every link they have (detach); idempotent, counted, checked first. */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, caseBatch, entity, ID, link, linkId, source } from './fixtures.js';
import { rejectsWith, useStore, type OpenStore } from './harness.js';

const callId = (from: string, to: string, at: string) => linkId('CALLED', from, to, [at]);
const V1_CALLS = ['2024-05-01T10:11:12.345Z', '2024-05-02T09:00:00.000Z', '2024-05-03T18:30:00.000Z'].map((at) =>
  callId(ID.phone, ID.v1, at),
);
const PAID_V1 = linkId('PAID', ID.v1, ID.wallet, ['0xabc1']);
const LIVES_IN_V1 = linkId('LIVES_IN', ID.v1, ID.de);
const LIVES_IN_V2 = linkId('LIVES_IN', ID.v2, ID.de);
const TRANSFERRED = linkId('TRANSFERRED', ID.wallet, ID.wallet2, ['t1']);

export function removeContract(open: OpenStore) {
  describe('removal', () => {
    const s = useStore(open);
    beforeAll(async () => {
      await s.store.write(caseBatch());
    });

    it('removes the links named, only those, and counts the ones that existed', async () => {
      const controls2 = linkId('CONTROLS', ID.group, ID.centre2);
      const callV2 = callId(ID.phone, ID.v2, '2024-05-04T11:00:00.000Z');
      const before = await s.store.countByLinkType();
      const removed = await s.store.removeLinks([
        controls2,
        callV2,
        callV2,
        'link:CALLED:0000000000000000',
        'link:NOPE:1',
        'x',
      ]);
      expect(removed).toBe(2);
      expect(await s.store.getLinks([controls2, callV2])).toEqual([]);
      const after = await s.store.countByLinkType();
      expect(after).toEqual({ ...before, CONTROLS: before['CONTROLS']! - 1, CALLED: before['CALLED']! - 1 });
      // The endpoints stay, with their other links.
      expect((await s.store.getEntities([ID.centre2, ID.v2])).map((e) => e.id)).toEqual([ID.centre2, ID.v2]);
      expect(await s.store.getLinks([LIVES_IN_V2])).toHaveLength(1);
    });

    it('removes nothing more when asked again, or for nothing', async () => {
      expect(await s.store.removeLinks([linkId('CONTROLS', ID.group, ID.centre2)])).toBe(0);
      expect(await s.store.removeLinks([])).toBe(0);
      expect(await s.store.removeEntities([])).toEqual({ entities: 0, links: 0 });
    });

    it('removes an entity with every link it has, in both directions, each counted once', async () => {
      const kinds = await s.store.countByKind();
      const types = await s.store.countByLinkType();
      expect(await s.store.removeEntities([ID.v1])).toEqual({ entities: 1, links: 5 });
      expect(await s.store.getEntities([ID.v1])).toEqual([]);
      expect(await s.store.getLinks([...V1_CALLS, PAID_V1, LIVES_IN_V1])).toEqual([]);
      expect(await s.store.countByKind()).toEqual({ ...kinds, Victim: kinds['Victim']! - 1 });
      expect(await s.store.countByLinkType()).toEqual({
        ...types,
        CALLED: types['CALLED']! - 3,
        PAID: types['PAID']! - 1,
        LIVES_IN: types['LIVES_IN']! - 1,
      });
      // What it was linked to stays, with its other links.
      expect(await s.store.getEntities([ID.wallet, ID.de, ID.phone])).toHaveLength(3);
      expect((await s.store.getLinks([TRANSFERRED, LIVES_IN_V2])).map((l) => l.id)).toEqual([TRANSFERRED, LIVES_IN_V2]);
    });

    it('counts a link between two removed entities once', async () => {
      // wallet: RECEIVES_TO from the platform and TRANSFERRED to wallet2 (its PAID went with v1).
      expect(await s.store.removeEntities([ID.wallet, ID.wallet2, ID.wallet])).toEqual({ entities: 2, links: 2 });
      expect(await s.store.getLinks([TRANSFERRED, linkId('RECEIVES_TO', ID.platform, ID.wallet)])).toEqual([]);
    });

    it('leaves removed entities out of search and expansion', async () => {
      const hits = await s.store.search({ text: 'schmidt', limit: 10, offset: 0 });
      expect(hits.hits.map((h) => h.entity.id)).toEqual([ID.v3]);
      const around = await s.store.expand({ seeds: [ID.phone], depth: 1, limit: 100 });
      expect(around.entities.map((e) => e.id).sort()).toEqual([ID.phone, ID.ws].sort());
      expect(around.links.map((l) => l.type)).toEqual(['USES_NUMBER']);
    });

    it('skips ids that do not exist, and refuses a non-string id before removing anything', async () => {
      expect(await s.store.removeEntities(['victim:nobody', 'nonsense', 'zz:1'])).toEqual({ entities: 0, links: 0 });
      await rejectsWith(s.store.removeEntities([ID.v2, 42 as unknown as string]), 'INVALID_ARGUMENT', '42');
      await rejectsWith(s.store.removeLinks([LIVES_IN_V2, null as unknown as string]), 'INVALID_ARGUMENT', 'null');
      expect(await s.store.getEntities([ID.v2])).toHaveLength(1);
      expect(await s.store.getLinks([LIVES_IN_V2])).toHaveLength(1);
    });

    it('removes a source file entity, which has no links', async () => {
      expect(await s.store.removeEntities([ID.source])).toEqual({ entities: 1, links: 0 });
      expect(await s.store.getEntities([ID.source])).toEqual([]);
    });

    it('writes a removed entity again afresh: new sources only, no old links', async () => {
      const again = entity('Victim', ID.v1, { name: 'Anna Schmidt' }, source('late.csv', 'line:9'));
      const result = await s.store.write({
        entities: [again],
        links: [call(ID.phone, ID.v1, '2024-06-01T00:00:00.000Z', 30), link('LIVES_IN', ID.v1, ID.de)],
      });
      expect(result.entities.created).toBe(1);
      expect(result.links.created).toBe(2);
      const [v1] = await s.store.getEntities([ID.v1]);
      expect(v1!.sources).toEqual([source('late.csv', 'line:9')]);
      expect(await s.store.getLinks(V1_CALLS)).toEqual([]);
      expect(await s.store.search({ text: 'anna', limit: 10, offset: 0 })).toMatchObject({ total: 1 });
    });
  });
}
