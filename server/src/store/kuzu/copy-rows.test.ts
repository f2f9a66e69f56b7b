/**
 * A bulk write (WriteOptions.bulk: rows staged in a JSON Lines file and COPYed) stores exactly what one
 * statement per fact stores, for every property type and for values a CSV list could not hold: quotes,
 * commas, brackets, newlines, backslashes, an empty string, an INT64 beyond 2^53, dates and times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareEntity } from '../../domain/facts/prepare-entity.js';
import { prepareLink } from '../../domain/facts/prepare-link.js';
import type { EntityWrite, LinkWrite } from '../../domain/graph.js';
import { dumpGraph } from '../../ingest/import/test-support/graph-dump.js';
import { tempStore } from '../../ingest/import/test-support/temp-store.js';
import type { GraphStore } from '../port.js';

/** Above the adapter's COPY thresholds (300 entities of a kind, 200 links of a pair). */
const N = 320;
const ODD = ['say "hi", then [go]', 'line one\nline two', 'back\\slash', '', 'ümlaut € 名前', "it's"];
const source = (i: number) => ({ sha256: 'a'.repeat(64), locator: `line:${i + 2}` });

function facts(): { entities: EntityWrite[]; links: LinkWrite[] } {
  const entities: EntityWrite[] = [];
  const links: LinkWrite[] = [];
  for (let i = 0; i < N; i++) {
    const odd = ODD[i % ODD.length]!;
    const e = (kind: string, key: string | undefined, properties: Record<string, unknown>) =>
      entities.push(prepareEntity({ kind, ...(key !== undefined && { key }), properties }, source(i)).write);
    e('CrimeGroup', `group ${i}`, {
      name: `${odd} ${i}`,
      aliases: [odd, 'a,b', '[x]', `"${i}"`],
      activities: ['fraud'],
    });
    e('CallCentre', `site ${i}`, {
      name: odd || `site ${i}`,
      workstationCount: i,
      raidedAt: `2024-05-0${1 + (i % 9)}T10:11:12.${String(i % 1000).padStart(3, '0')}Z`,
    });
    e('Person', `p${i}`, {
      name: `${odd}${i}`,
      birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      languages: ['ru', odd],
    });
    e('Victim', `v${i}`, { name: `victim ${odd} ${i}`, reportedLoss: `${i}.${String(i % 100).padStart(2, '0')}` });
    const phone = `+7495${String(1000000 + i)}`;
    e('PhoneNumber', undefined, { number: phone });
    const from = `phone:${phone}`;
    links.push(
      prepareLink(
        {
          type: 'CALLED',
          from,
          to: `victim:v${i}`,
          properties: {
            at: `2025-02-01T0${i % 10}:00:00.${String(i % 1000).padStart(3, '0')}Z`,
            durationSeconds: i,
            callerIdShown: odd,
          },
        },
        source(i),
      ),
    );
  }
  // Beyond 2^53: the domain refuses it as a number, the port takes it as a decimal string.
  const site0 = entities.find((x) => x.id === 'callcentre:site-0')!;
  entities[entities.indexOf(site0)] = {
    ...site0,
    properties: { ...site0.properties, workstationCount: '9007199254740993' },
  };
  return { entities, links };
}

describe('a bulk write through staged files', () => {
  let bulk: Awaited<ReturnType<typeof tempStore>>;
  let oneByOne: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    [bulk, oneByOne] = await Promise.all([tempStore(), tempStore()]);
  });
  afterAll(async () => {
    await bulk?.dispose();
    await oneByOne?.dispose();
  });

  const writeInSmallBatches = async (store: GraphStore, all: { entities: EntityWrite[]; links: LinkWrite[] }) => {
    for (let i = 0; i < all.entities.length; i += 100)
      await store.write({ entities: all.entities.slice(i, i + 100), links: [] });
    for (let i = 0; i < all.links.length; i += 100)
      await store.write({ entities: [], links: all.links.slice(i, i + 100) });
  };

  it('stores what one statement per fact stores', async () => {
    const all = facts();
    const result = await bulk.store.write(all, { bulk: true });
    expect(result.entities.created).toBe(5 * N);
    expect(result.links.created).toBe(N);
    await writeInSmallBatches(oneByOne.store, all);
    const [a, b] = [await dumpGraph(bulk.store), await dumpGraph(oneByOne.store)];
    expect(a.entities).toHaveLength(5 * N);
    expect(a.links).toHaveLength(N);
    expect(a).toEqual(b);
    const big = a.entities.find((e) => e.id === 'callcentre:site-0');
    expect(big?.properties['workstationCount']).toBe('9007199254740993');
    const tricky = a.entities.find((e) => e.id === 'crimegroup:group-0');
    expect(tricky?.properties['aliases']).toEqual([ODD[0], 'a,b', '[x]', '"0"']);
  });

  it('merges into what is stored: a second bulk write of the same facts changes nothing', async () => {
    const again = await bulk.store.write(facts(), { bulk: true });
    expect(again.entities).toEqual({ created: 0, updated: 0, unchanged: 5 * N });
    expect(again.links).toEqual({ created: 0, updated: 0, unchanged: N });
  });
});

describe('a bulk write that cites stored facts again', () => {
  it('adds the new sources in one statement per table and keeps search working', async () => {
    const { store, dispose } = await tempStore();
    try {
      const all = facts();
      await store.write(all, { bulk: true });
      const recited = all.entities.map((e) => ({ ...e, source: { sha256: 'b'.repeat(64), locator: 'line:9' } }));
      const result = await store.write({ entities: recited, links: [] }, { bulk: true, keepText: true });
      expect(result.entities).toEqual({ created: 0, updated: 5 * N, unchanged: 0 });
      const [victim] = await store.getEntities(['victim:v7']);
      expect(victim?.sources).toEqual([
        { sha256: 'a'.repeat(64), locator: 'line:9' },
        { sha256: 'b'.repeat(64), locator: 'line:9' },
      ]);
      expect(victim?.properties['reportedLoss']).toBe('7.07');
      const hits = await store.search({ text: 'victim', kinds: ['Victim'], limit: 5, offset: 0 });
      expect(hits.total).toBe(N);
    } finally {
      await dispose();
    }
  });
});
