/**
 * Writing with oneCitationPerFile (the importer): a fact already citing a record of a file is not cited
 * again by another record of that file that asserts the same values; a record that changes it is cited,
 * and records of other files are cited as always. Links and entities alike.
 */
import { describe, expect, it } from 'vitest';
import { call, entity, source } from './fixtures.js';
import { useStore, type OpenStore } from './harness.js';

const A2 = source('cite-a.csv', 'line:2');
const A7 = source('cite-a.csv', 'line:7');
const A9 = source('cite-a.csv', 'line:9');
const B = source('cite-b.csv', 'line:4');
const PHONE = 'phone:+74950000077';
const VICTIM = 'victim:cite-1';
const AT = '2024-06-01T10:00:00.000Z';
const victim = (name: string, src: typeof A2) => entity('Victim', VICTIM, { name }, src);
const phone = (src: typeof A2) => entity('PhoneNumber', PHONE, { number: '+74950000077' }, src);
const once = { oneCitationPerFile: true } as const;

export function citationContract(open: OpenStore) {
  describe('writing with oneCitationPerFile', () => {
    const s = useStore(open);

    it('does not cite a file again for a record that asserts the same values', async () => {
      await s.store.write({ entities: [victim('Ann Cite', A2), phone(A2)], links: [call(PHONE, VICTIM, AT, 60, A2)] });
      const again = await s.store.write(
        { entities: [victim('Ann Cite', A7), phone(A7)], links: [call(PHONE, VICTIM, AT, 60, A7)] },
        once,
      );
      expect(again.entities).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect(again.links).toEqual({ created: 0, updated: 0, unchanged: 1 });
      const [v] = await s.store.getEntities([VICTIM]);
      expect(v!.sources).toEqual([A2]);
      const [l] = await s.store.getLinks([call(PHONE, VICTIM, AT, 60).id]);
      expect(l!.sources).toEqual([A2]);
    });

    it('cites a record of the file that changes the fact, and every other file', async () => {
      const changed = await s.store.write(
        { entities: [victim('Ann Changed', A9)], links: [call(PHONE, VICTIM, AT, 61, A9)] },
        once,
      );
      expect(changed.entities.updated).toBe(1);
      expect(changed.links.updated).toBe(1);
      const other = await s.store.write({ entities: [victim('Ann Changed', B)], links: [] }, once);
      expect(other.entities.updated).toBe(1);
      const [v] = await s.store.getEntities([VICTIM]);
      expect(v!.sources).toEqual([A2, A9, B]);
      const [l] = await s.store.getLinks([call(PHONE, VICTIM, AT, 61).id]);
      expect(l!.sources).toEqual([A2, A9]);
    });

    it('cites every record without it, as before', async () => {
      const plain = await s.store.write({ entities: [victim('Ann Changed', A7)], links: [] });
      expect(plain.entities.updated).toBe(1);
      const [v] = await s.store.getEntities([VICTIM]);
      expect(v!.sources).toEqual([A2, A9, B, A7]);
    });
  });
}
