/**
 * What the importer relies on beyond plain writes. Retracting sources (undoing an import): what the files
 * alone asserted goes, what other files also assert stays with their sources; an entity still linked
 * stays; idempotent; checked before anything. Writing with keepText (bulk loads): existing entities take
 * the new values and sources but keep their search text.
 */
import type { EntityWrite, SourceRef } from '@ringtrace/server/store/port.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, entity, link, linkId, source } from './fixtures.js';
import { rejectsWith, useStore, type OpenStore } from './harness.js';

const A1 = source('run-a.csv', 'line:2');
const A2 = source('run-a.csv', 'line:3');
const B = source('run-b.csv', 'line:5');
const C = source('other.csv', 'line:9');
const AT = '2024-06-01T10:00:00.000Z';

const ID = {
  v1: 'victim:r-1',
  v2: 'victim:r-2',
  phone: 'phone:+74950000009',
  wallet: 'wallet:eth:0x52908400098527886e0f7030069857d2e4169ee7',
  de: 'country:DE',
  fr: 'country:FR',
};
const LINK = {
  called: linkId('CALLED', ID.phone, ID.v1, [AT]),
  livesIn1: linkId('LIVES_IN', ID.v1, ID.de),
  livesIn2: linkId('LIVES_IN', ID.v2, ID.de),
  paid: linkId('PAID', ID.v2, ID.wallet, ['0xfeed', '2024-06-02T00:00:00.000Z', '100']),
};

const victim = (id: string, name: string, src: SourceRef): EntityWrite =>
  entity('Victim', id, { name }, src, name.toLowerCase());

function batch() {
  return {
    entities: [
      victim(ID.v1, 'Retracta Alpha', A1),
      victim(ID.v1, 'Retracta Alpha', A2),
      victim(ID.v1, 'Retracta Alpha', B),
      victim(ID.v2, 'Retracta Beta', A1),
      entity('PhoneNumber', ID.phone, { number: '+74950000009', valid: true }, A1, 'phoneword'),
      entity('Wallet', ID.wallet, { address: '0x52908400098527886e0f7030069857d2e4169ee7', chain: 'eth' }, A2),
      entity('Country', ID.de, { code: 'DE', name: 'Germany' }, B),
      entity('Country', ID.fr, { code: 'FR', name: 'France' }, C),
    ],
    links: [
      call(ID.phone, ID.v1, AT, 30, A1),
      link('LIVES_IN', ID.v1, ID.de, {}, A1),
      link('LIVES_IN', ID.v1, ID.de, {}, B),
      link('LIVES_IN', ID.v2, ID.de, {}, A2),
      link(
        'PAID',
        ID.v2,
        ID.wallet,
        { amount: '100', asset: 'USDT', at: '2024-06-02T00:00:00.000Z', txHash: '0xfeed' },
        B,
        ['0xfeed', '2024-06-02T00:00:00.000Z', '100'],
      ),
    ],
  };
}

const none = { entities: { updated: 0, removed: 0 }, links: { updated: 0, removed: 0 } };

export function retractContract(open: OpenStore) {
  describe('retracting sources', () => {
    const s = useStore(open);
    beforeAll(async () => {
      await s.store.write(batch());
    });

    it('refuses a malformed hash before changing anything, and does nothing for no files', async () => {
      await rejectsWith(s.store.retractSources([A1.sha256, 'not-a-hash']), 'INVALID_ARGUMENT', 'not-a-hash');
      await rejectsWith(s.store.retractSources([A1.sha256.toUpperCase()]), 'INVALID_ARGUMENT');
      expect(await s.store.retractSources([])).toEqual(none);
      expect((await s.store.getEntities([ID.phone])).map((e) => e.id)).toEqual([ID.phone]);
    });

    it('removes what one file alone asserted and keeps what other files also assert', async () => {
      expect(await s.store.retractSources([A1.sha256, A1.sha256])).toEqual({
        // v1 keeps B; v2 and the wallet cite nothing now but a PAID link (from B) still touches them.
        entities: { updated: 3, removed: 1 },
        links: { updated: 1, removed: 2 },
      });
      const entities = new Map((await s.store.getEntities(Object.values(ID))).map((e) => [e.id, e]));
      expect([...entities.keys()].sort()).toEqual([ID.v1, ID.v2, ID.wallet, ID.de, ID.fr].sort());
      expect(entities.get(ID.v1)!.sources).toEqual([B]);
      expect(entities.get(ID.v1)!.properties).toMatchObject({ name: 'Retracta Alpha' });
      expect(entities.get(ID.v2)!.sources).toEqual([]);
      expect(entities.get(ID.wallet)!.sources).toEqual([]);
      expect(entities.get(ID.de)!.sources).toEqual([B]);
      const links = new Map((await s.store.getLinks(Object.values(LINK))).map((l) => [l.id, l]));
      expect([...links.keys()].sort()).toEqual([LINK.livesIn1, LINK.paid].sort());
      expect(links.get(LINK.livesIn1)!.sources).toEqual([B]);
      expect(await s.store.search({ text: 'phoneword', limit: 10, offset: 0 })).toMatchObject({ total: 0 });
    });

    it('changes nothing when asked again', async () => {
      expect(await s.store.retractSources([A1.sha256])).toEqual(none);
    });

    it('removes an entity kept only by its links once those go too', async () => {
      expect(await s.store.retractSources([B.sha256])).toEqual({
        entities: { updated: 0, removed: 4 },
        links: { updated: 0, removed: 2 },
      });
      expect((await s.store.getEntities(Object.values(ID))).map((e) => e.id)).toEqual([ID.fr]);
      expect(await s.store.getLinks(Object.values(LINK))).toEqual([]);
      expect(await s.store.search({ text: 'retracta', limit: 10, offset: 0 })).toMatchObject({ total: 0 });
    });

    it('lets the same facts be written again afterwards, searchable', async () => {
      const result = await s.store.write(batch());
      expect(result.entities.created).toBe(5);
      expect(result.links.created).toBe(4);
      expect(await s.store.search({ text: 'retracta', limit: 10, offset: 0 })).toMatchObject({ total: 2 });
      const [v1] = await s.store.getEntities([ID.v1]);
      expect(v1!.sources).toEqual([A1, A2, B]);
    });
  });
}

export function keepTextContract(open: OpenStore) {
  describe('writing with keepText', () => {
    const s = useStore(open);

    it('stores new values and sources on an existing entity but keeps its search text; new ones get theirs', async () => {
      await s.store.write({ entities: [victim('victim:k-1', 'Kepler Original', A1)], links: [] });
      const result = await s.store.write(
        { entities: [victim('victim:k-1', 'Renamed Person', B), victim('victim:k-2', 'Newton Fresh', B)], links: [] },
        { keepText: true },
      );
      expect(result.entities).toEqual({ created: 1, updated: 1, unchanged: 0 });
      const [k1] = await s.store.getEntities(['victim:k-1']);
      expect(k1!.properties).toMatchObject({ name: 'Renamed Person' });
      expect(k1!.sources).toEqual([A1, B]);
      const ids = async (text: string) =>
        (await s.store.search({ text, limit: 10, offset: 0 })).hits.map((h) => h.entity.id);
      expect(await ids('kepler')).toEqual(['victim:k-1']);
      expect(await ids('renamed')).toEqual([]);
      expect(await ids('newton')).toEqual(['victim:k-2']);
    });

    it('counts a write that would only change the text as unchanged, and rewrites text without it', async () => {
      const again = await s.store.write(
        { entities: [victim('victim:k-1', 'Renamed Person', B)], links: [] },
        { keepText: true },
      );
      expect(again.entities).toEqual({ created: 0, updated: 0, unchanged: 1 });
      await s.store.write({ entities: [victim('victim:k-1', 'Renamed Person', B)], links: [] });
      expect((await s.store.search({ text: 'renamed', limit: 10, offset: 0 })).total).toBe(1);
    });
  });
}
