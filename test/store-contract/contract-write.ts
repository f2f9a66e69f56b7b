/** Writes: idempotent upsert, provenance, exact counts, atomicity, value fidelity. */
import { describe, expect, it } from 'vitest';
import { call, caseBatch, CDR, COMPLAINTS, entity, ID, link, REPORT, source } from './fixtures.js';
import { rejectsWith, useStore, type OpenStore } from './harness.js';

const none = { created: 0, updated: 0, unchanged: 0 };

export function writeContract(open: OpenStore) {
  describe('upsert with provenance', () => {
    const s = useStore(open);
    const batch = caseBatch();

    it('creates every fact once and counts it', async () => {
      const result = await s.store.write(batch);
      expect(result).toEqual({
        entities: { created: batch.entities.length, updated: 0, unchanged: 0 },
        links: { created: batch.links.length, updated: 0, unchanged: 0 },
      });
    });

    it('changes nothing when the same batch is written again', async () => {
      const result = await s.store.write(batch);
      expect(result).toEqual({
        entities: { ...none, unchanged: batch.entities.length },
        links: { ...none, unchanged: batch.links.length },
      });
    });

    it('keeps every source of a fact seen in three files, each once', async () => {
      const v = batch.entities.find((e) => e.id === ID.v2)!;
      const second = await s.store.write({ entities: [{ ...v, source: source('bank.csv', 'line:4') }], links: [] });
      expect(second.entities).toEqual({ ...none, updated: 1 });
      const third = await s.store.write({ entities: [{ ...v, source: source('police.pdf', 'page:2') }], links: [] });
      expect(third.entities).toEqual({ ...none, updated: 1 });
      const again = await s.store.write({ entities: [{ ...v, source: source('bank.csv', 'line:4') }], links: [] });
      expect(again.entities).toEqual({ ...none, unchanged: 1 });
      const [stored] = await s.store.getEntities([ID.v2]);
      expect(stored!.sources).toEqual([COMPLAINTS, source('bank.csv', 'line:4'), source('police.pdf', 'page:2')]);
    });

    it('appends a new source to a link and keeps a repeated one once', async () => {
      const paid = batch.links.find((l) => l.type === 'PAID')!;
      expect((await s.store.write({ entities: [], links: [{ ...paid, source: CDR }] })).links).toEqual({
        ...none,
        updated: 1,
      });
      expect((await s.store.write({ entities: [], links: [{ ...paid, source: CDR }] })).links).toEqual({
        ...none,
        unchanged: 1,
      });
      const [stored] = await s.store.getLinks([paid.id]);
      expect(stored!.sources).toEqual([COMPLAINTS, CDR]);
    });

    it('keeps a property the write leaves out, and updates one it changes', async () => {
      const write = entity('CallCentre', ID.centre, { status: 'closed' });
      expect((await s.store.write({ entities: [write], links: [] })).entities).toEqual({ ...none, updated: 1 });
      const [stored] = await s.store.getEntities([ID.centre]);
      expect(stored!.properties).toMatchObject({ name: 'Moscow centre 1', city: 'Moscow', status: 'closed' });
    });

    it('merges a fact repeated within one batch', async () => {
      const a = entity('Victim', 'victim:v-0100', { name: 'Twice Seen' }, source('a.csv'));
      const b = entity('Victim', 'victim:v-0100', { country: 'FR' }, source('b.csv'));
      const result = await s.store.write({ entities: [a, b, a], links: [] });
      expect(result.entities).toEqual({ ...none, created: 1 });
      const [stored] = await s.store.getEntities(['victim:v-0100']);
      expect(stored!.properties).toEqual({ name: 'Twice Seen', country: 'FR' });
      expect(stored!.sources).toEqual([source('a.csv'), source('b.csv')]);
    });

    it('refuses an unknown kind, type or property by name and writes nothing', async () => {
      await rejectsWith(
        s.store.write({ entities: [entity('Spaceship', 'ship:1', {})], links: [] }),
        'INVALID_ARGUMENT',
        'Spaceship',
      );
      await rejectsWith(
        s.store.write({ entities: [entity('Victim', 'victim:v-0200', { shoeSize: '42' })], links: [] }),
        'INVALID_ARGUMENT',
        'shoeSize',
      );
      await rejectsWith(
        s.store.write({ entities: [], links: [link('LOVES', ID.v1, ID.v2)] }),
        'INVALID_ARGUMENT',
        'LOVES',
      );
      await rejectsWith(
        s.store.write({ entities: [], links: [link('CALLED', ID.v1, ID.phone)] }),
        'INVALID_ARGUMENT',
        'CALLED',
      );
      expect(await s.store.getEntities(['victim:v-0200'])).toEqual([]);
    });
  });

  describe('atomicity', () => {
    const s = useStore(open);

    it('writes nothing of a batch with a link to an entity that does not exist, naming it', async () => {
      await s.store.write(caseBatch());
      const before = await s.store.countByKind();
      const beforeLinks = await s.store.countByLinkType();
      const fresh = entity('Victim', 'victim:v-0300', { name: 'Never Stored' });
      const bad = {
        entities: [fresh, entity('Victim', ID.v1, { name: 'Anna Changed' }, source('late.csv'))],
        links: [
          call(ID.phone, 'victim:v-0300', '2024-06-01T00:00:00.000Z', 10),
          link('LIVES_IN', 'victim:v-0300', 'country:ZZ'),
        ],
      };
      await rejectsWith(s.store.write(bad), 'NOT_FOUND', 'country:ZZ');
      expect(await s.store.getEntities(['victim:v-0300'])).toEqual([]);
      const [v1] = await s.store.getEntities([ID.v1]);
      expect(v1!.properties['name']).toBe('Anna Schmidt');
      expect(v1!.sources).toEqual([COMPLAINTS]);
      expect(await s.store.countByKind()).toEqual(before);
      expect(await s.store.countByLinkType()).toEqual(beforeLinks);
    });

    it('counts by kind and by link type, every kind and type present', async () => {
      const kinds = await s.store.countByKind();
      expect(kinds).toMatchObject({ Victim: 3, PhoneNumber: 2, CallCentre: 2, SourceFile: 1, Country: 1 });
      expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(caseBatch().entities.length);
      const types = await s.store.countByLinkType();
      expect(types).toMatchObject({ CALLED: 5, CONTROLS: 2, LIVES_IN: 2, PAID: 1, CITIZEN_OF: 0 });
      expect(Object.values(types).reduce((a, b) => a + b, 0)).toBe(caseBatch().links.length);
    });
  });

  describe('values round-trip exactly', () => {
    const s = useStore(open);

    it('keeps decimals, datetimes, dates, big integers, booleans and lists', async () => {
      const decimal = '123456789012345678901234567890.123456789012345678';
      const props = {
        name: 'Exact',
        workstationCount: '9007199254740993',
        staffCount: 300,
        raidedAt: '2024-05-01T10:11:12.345Z',
      };
      await s.store.write({
        entities: [
          entity('CallCentre', 'callcentre:exact', props),
          entity('Victim', 'victim:exact', { name: 'Exact Loss', reportedLoss: decimal }),
          entity('Person', 'person:exact', { name: 'Exact', birthDate: '1980-02-29', aliases: ['Ваня', 'a, b'] }),
          entity('PhoneNumber', 'phone:exact', { number: 'exact', valid: false }),
        ],
        links: [],
      });
      const got = await s.store.getEntities(['callcentre:exact', 'victim:exact', 'person:exact', 'phone:exact']);
      expect(got.map((e) => e.properties)).toEqual([
        props,
        { name: 'Exact Loss', reportedLoss: decimal },
        { name: 'Exact', birthDate: '1980-02-29', aliases: ['Ваня', 'a, b'] },
        { number: 'exact', valid: false },
      ]);
    });

    it('accepts a datetime with an offset and returns it in UTC', async () => {
      await s.store.write({
        entities: [entity('CallCentre', 'callcentre:tz', { name: 'TZ', raidedAt: '2024-05-01T13:11:12+03:00' })],
        links: [],
      });
      const [e] = await s.store.getEntities(['callcentre:tz']);
      expect(e!.properties['raidedAt']).toBe('2024-05-01T10:11:12.000Z');
    });

    it('refuses a decimal given as a float and an integer beyond 64 bits', async () => {
      await rejectsWith(
        s.store.write({ entities: [entity('Victim', 'victim:float', { reportedLoss: 12.5 })], links: [] }),
        'INVALID_ARGUMENT',
        'reportedLoss',
      );
      await rejectsWith(
        s.store.write({
          entities: [entity('CallCentre', 'callcentre:huge', { staffCount: '99999999999999999999' })],
          links: [],
        }),
        'INVALID_ARGUMENT',
        'staffCount',
      );
    });

    it('refuses an id that does not belong to its kind, and a malformed source', async () => {
      await rejectsWith(
        s.store.write({ entities: [entity('Victim', 'phone:+1', {})], links: [] }),
        'INVALID_ARGUMENT',
        'phone:+1',
      );
      const badSource = { ...entity('Victim', 'victim:src', {}), source: { sha256: 'nothex', locator: 'line:1' } };
      await rejectsWith(s.store.write({ entities: [badSource], links: [] }), 'INVALID_ARGUMENT', 'sha256');
      expect(REPORT.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}
