/** The edit services on an in-memory store: records, evidence rules and refusals that need no engine. */
import { describe, expect, it } from 'vitest';
import type { Entity, Link, SourceRef, Subgraph, WriteBatch } from '../graph.js';
import { sha256Hex } from '../provenance.js';
import { createGraphEdits } from './edit-graph.js';
import { canonicalJson } from './edit-record.js';
import type { GraphEditor } from './edit-store.js';

const SEIZED = { sha256: 'a'.repeat(64), locator: 'line:3' };
const UNKNOWN = { sha256: 'b'.repeat(64), locator: 'row:9' };
const AT = new Date('2025-04-01T10:00:00.000Z');

/** Just enough of a store: entities and links in maps, writes merged by id, expansion one hop around a seed. */
function memoryStore(options: { truncated?: boolean } = {}) {
  const entities = new Map<string, Entity>();
  const links = new Map<string, Link>();
  const writes: WriteBatch[] = [];
  const cite = (sources: readonly SourceRef[], s: SourceRef) =>
    sources.some((x) => x.sha256 === s.sha256 && x.locator === s.locator) ? sources : [...sources, s];
  const store: GraphEditor = {
    getEntities: async (ids) => ids.flatMap((id) => entities.get(id) ?? []),
    getLinks: async (ids) => ids.flatMap((id) => links.get(id) ?? []),
    async expand({ seeds }): Promise<Subgraph> {
      const around = [...links.values()].filter((l) => seeds.includes(l.from) || seeds.includes(l.to));
      const truncated = options.truncated ? { bound: 'limit', value: 1, omitted: 1 } : null;
      return { entities: [], links: around, truncated };
    },
    async write(batch) {
      writes.push(batch);
      for (const w of batch.entities) {
        const e = entities.get(w.id);
        entities.set(w.id, {
          id: w.id,
          kind: w.kind,
          properties: { ...e?.properties, ...w.properties },
          sources: cite(e?.sources ?? [], w.source),
        });
      }
      for (const w of batch.links) {
        const l = links.get(w.id);
        links.set(w.id, {
          ...w,
          properties: { ...l?.properties, ...w.properties },
          sources: cite(l?.sources ?? [], w.source),
        });
      }
    },
    async removeEntities(ids) {
      let n = 0;
      for (const id of ids) if (entities.delete(id)) n++;
      return { entities: n, links: 0 };
    },
    removeLinks: async (ids) => ids.filter((id) => links.delete(id)).length,
  };
  const seed = (e: Entity) => entities.set(e.id, e);
  seed({
    id: `source:${SEIZED.sha256}`,
    kind: 'SourceFile',
    properties: { name: 'cdr.csv', basis: 'seized' },
    sources: [],
  });
  return { store, entities, links, writes, seed };
}

describe('edit records', () => {
  it('hash the canonical record, whatever the order of the keys given', async () => {
    const { store, entities } = memoryStore();
    const edits = createGraphEdits(store, { caller: 'anna', now: () => AT });
    const edit = await edits.createEntity('Agency', { type: 'police', name: 'BKA' }, { key: 'bka' });
    const input = { properties: { name: 'BKA', type: 'police' }, key: 'bka', kind: 'Agency' };
    const sha = sha256Hex(canonicalJson({ at: AT.toISOString(), caller: 'anna', input, op: 'createEntity' }));
    expect(edit.source).toEqual({ sha256: sha, locator: 'edit:1' });
    expect(entities.get(`source:${sha}`)).toMatchObject({
      kind: 'SourceFile',
      properties: {
        sha256: sha,
        name: 'edit by anna',
        title: 'createEntity agency:bka',
        basis: 'manual',
        loadedAt: '2025-04-01T10:00:00.000Z',
        loadedBy: 'anna',
      },
      sources: [{ sha256: sha, locator: 'file' }],
    });
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });

  it('need a caller', async () => {
    const { store } = memoryStore();
    await expect(createGraphEdits(store, { caller: ' ' }).removeLink('link:CALLED:1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('text that is not well-formed Unicode', () => {
  it('is refused before anything is written, in keys, values and ids (the engine would store U+FFFD instead)', async () => {
    const { store } = memoryStore();
    const edits = createGraphEdits(store, { caller: 'token:t' });
    await expect(edits.createEntity('Victim', { name: 'a' }, { key: 'k\ud800' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { argument: 'key' },
    });
    await expect(edits.createEntity('Victim', { name: 'x\udc00y' }, { key: 'k' })).rejects.toMatchObject({
      details: { argument: 'properties' },
    });
    await expect(edits.removeEntity('victim:\ud800')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(edits.createEntity('Victim', { name: 'Zoë 👩‍💻' }, { key: 'k' })).resolves.toMatchObject({
      changed: true,
    });
  });
});

describe('evidence', () => {
  const victim = (sources: SourceRef[]): Entity => ({ id: 'victim:v-1', kind: 'Victim', properties: {}, sources });

  it('counts a source whose file is unknown as evidence', async () => {
    const { store, seed } = memoryStore();
    seed(victim([UNKNOWN]));
    const edits = createGraphEdits(store, { caller: 'anna', now: () => AT });
    await expect(edits.removeEntity('victim:v-1')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `victim:v-1 is asserted by evidence: ${'b'.repeat(12)} (unknown) row:9; pass force: true to remove it anyway`,
      details: { id: 'victim:v-1', sources: [`${UNKNOWN.sha256}#row:9`] },
    });
  });

  it('checks the links that would go with an entity, and refuses when they are too many to check', async () => {
    const { store, links } = memoryStore();
    const edits = createGraphEdits(store, { caller: 'anna', now: () => AT });
    await edits.createEntity('Victim', {}, { key: 'v-1' });
    links.set('link:LIVES_IN:1', {
      id: 'link:LIVES_IN:1',
      type: 'LIVES_IN',
      from: 'victim:v-1',
      to: 'country:DE',
      properties: {},
      sources: [SEIZED],
    });
    await expect(edits.removeEntity('victim:v-1')).rejects.toThrow(
      'victim:v-1 is asserted by evidence (itself or its 1 links): cdr.csv (seized) line:3',
    );
    const crowded = memoryStore({ truncated: true });
    crowded.seed(victim([]));
    await expect(createGraphEdits(crowded.store, { caller: 'anna' }).removeEntity('victim:v-1')).rejects.toThrow(
      /more than 10000 neighbours or links, too many to check for evidence/,
    );
    expect(
      await createGraphEdits(crowded.store, { caller: 'anna' }).removeEntity('victim:v-1', { force: true }),
    ).toMatchObject({
      entities: 1,
    });
  });

  it('names at most five sources and counts the rest', async () => {
    const { store, seed } = memoryStore();
    seed(victim(Array.from({ length: 7 }, (_, i) => ({ sha256: SEIZED.sha256, locator: `line:${i}` }))));
    await expect(createGraphEdits(store, { caller: 'anna' }).removeEntity('victim:v-1')).rejects.toThrow(
      /cdr\.csv \(seized\) line:4 and 2 more; pass force/,
    );
  });
});

describe('updates', () => {
  it('write only the values that change, recomputing caption and search text from all of them', async () => {
    const { store, seed, writes } = memoryStore();
    seed({
      id: 'person:p-1',
      kind: 'Person',
      properties: { name: 'Ivan', role: 'caller', aliases: ['Vanya'] },
      sources: [SEIZED],
    });
    const edit = await createGraphEdits(store, { caller: 'anna', now: () => AT }).updateEntity('person:p-1', {
      role: 'Caller',
      status: 'detained',
    });
    expect(edit.changed).toBe(true);
    const write = writes.at(-1)!.entities.find((e) => e.id === 'person:p-1')!;
    expect(write.properties).toEqual({ status: 'detained' });
    expect(write.caption).toBe('Ivan');
    expect(write.searchText).toContain('Vanya');
    expect(edit.entity.sources).toEqual([SEIZED, edit.source]);
  });
});
