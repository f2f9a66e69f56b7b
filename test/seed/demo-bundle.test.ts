import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCaseBundle, type LoadResult } from '@ringtrace/server/ingest/case-bundle/index.js';
import type { GraphStore } from '@ringtrace/server/store/port.js';
import { DEMO_DIR } from '@ringtrace/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from './demo-store.js';

const REPORT_SHA = '1ccc26287a948bc2ed7450526533a8a0a34484fd339f57dea92b0fd768b2df65';

/** First column of a demo CSV's data rows. */
async function firstColumn(file: string): Promise<string[]> {
  const text = await readFile(join(DEMO_DIR, file), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!);
}

describe('the demo case on the embedded engine', () => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  let first: LoadResult;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore());
    first = await loadCaseBundle(store, DEMO_DIR, { loadedBy: 'test', importRun: 'test-run' });
  });
  afterAll(async () => dispose?.());

  it('loads with no rejects and no flags', () => {
    expect(first.rejects).toEqual([]);
    expect(first.flags).toEqual([]);
    expect(first.entities.created).toBeGreaterThan(600);
    expect(first.links.created).toBeGreaterThan(2000);
  });

  it('has the figures the README gives', async () => {
    expect(await store.countByKind()).toMatchObject({
      CrimeGroup: 1,
      CallCentre: 5,
      Workstation: 60,
      Person: 84,
      Recruiter: 5,
      PhoneNumber: 67,
      Agency: 3,
      TradingPlatform: 4,
      Wallet: 16,
      Victim: 300,
      Country: 36,
      SourceFile: 37,
    });
    const links = await store.countByLinkType();
    expect(links).toMatchObject({ CALLED: 900, PAID: 394, TRANSFERRED: 124, LIVES_IN: 300, IMPERSONATES: 4 });
    expect(Object.values(links).reduce((a, b) => a + b, 0)).toBe(2256);
  });

  it('connects every call centre to the crime group', async () => {
    const centres = await firstColumn('entities/CallCentre.csv');
    expect(centres).toHaveLength(5);
    for (const key of centres) {
      const result = await store.shortestPaths({
        from: `callcentre:${key}`,
        to: 'crimegroup:khimprom',
        maxHops: 4,
        limit: 5,
      });
      expect(result.paths.length, key).toBeGreaterThan(0);
      expect(result.paths[0]!.entityIds.at(-1)).toBe('crimegroup:khimprom');
    }
  });

  it('has spoofed numbers that impersonate the MVD and the FSB', async () => {
    for (const agency of ['agency:mvd', 'agency:fsb']) {
      const around = await store.expand({ seeds: [agency], depth: 1, linkTypes: ['IMPERSONATES'], limit: 50 });
      const spoofs = around.entities.filter((e) => e.kind === 'PhoneNumber');
      expect(spoofs.length, agency).toBeGreaterThan(0);
      expect(spoofs.every((e) => e.properties.spoofed === true)).toBe(true);
      expect(around.links.every((l) => l.type === 'IMPERSONATES' && l.to === agency)).toBe(true);
    }
  });

  it('has victims living in more than 20 countries', async () => {
    const victims = (await firstColumn('entities/Victim.csv')).map((k) => `victim:${k}`);
    const around = await store.expand({
      seeds: victims,
      depth: 1,
      linkTypes: ['LIVES_IN'],
      kinds: ['Country'],
      limit: 500,
    });
    const countries = new Set(around.links.filter((l) => l.type === 'LIVES_IN').map((l) => l.to));
    expect(countries.size).toBeGreaterThanOrEqual(20);
    // Russian and ISO alpha-3 spellings in LIVES_IN.csv land on the same countries.
    expect(countries.has('country:DE')).toBe(true);
    expect([...countries].some((c) => c.startsWith('country:invalid'))).toBe(false);
  });

  it('follows money from a victim through a platform deposit wallet to a group-owned consolidation wallet', async () => {
    const payer = (await firstColumn('links/PAID.csv'))[0]!;
    const result = await store.shortestPaths({
      from: `victim:${payer}`,
      to: 'crimegroup:khimprom',
      maxHops: 4,
      linkTypes: ['PAID', 'TRANSFERRED', 'OWNS'],
      limit: 3,
    });
    expect(result.paths.length).toBeGreaterThan(0);
    const [victim, deposit, consolidation, group] = result.paths[0]!.entityIds;
    expect(result.paths[0]!.entityIds).toHaveLength(4);
    expect([victim, group]).toEqual([`victim:${payer}`, 'crimegroup:khimprom']);
    const byId = new Map(result.entities.map((e) => [e.id, e]));
    expect(byId.get(deposit!)?.properties.label).toMatch(/^deposit: /);
    expect(byId.get(consolidation!)?.properties.label).toMatch(/^consolidation/);
    const platform = await store.expand({ seeds: [deposit!], depth: 1, linkTypes: ['RECEIVES_TO'], limit: 5 });
    expect(platform.entities.some((e) => e.kind === 'TradingPlatform')).toBe(true);
  });

  it('cites the report by hash and line, and keeps every source of a fact', async () => {
    const [group, centre, report] = await store.getEntities([
      'crimegroup:khimprom',
      'callcentre:moscow-orion',
      `source:${REPORT_SHA}`,
    ]);
    expect(group!.sources).toContainEqual({ sha256: REPORT_SHA, locator: 'line:17' });
    expect(group!.properties.description).toMatch(/as attributed to the security service/);
    expect(report!.properties).toMatchObject({ basis: 'reported', loadedBy: 'test', importRun: 'test-run' });
    // A synthetic centre cites its own row and the report lines it illustrates.
    expect(centre!.sources).toContainEqual({ sha256: REPORT_SHA, locator: 'line:10' });
    const own = centre!.sources.find((s) => s.sha256 !== REPORT_SHA)!;
    expect(own.locator).toMatch(/^line:\d+$/);
    const [file] = await store.getEntities([`source:${own.sha256}`]);
    expect(file!.properties).toMatchObject({ basis: 'synthetic', name: 'moscow-call-centres/entities/CallCentre.csv' });
  });

  it('normalises the messy raw values', async () => {
    const [punctuated, trunk] = await store.getEntities(['phone:+74955551005', 'phone:+74955551001']);
    expect(punctuated?.properties).toMatchObject({ valid: true, raw: expect.stringMatching(/\(495\)/) });
    expect(trunk?.properties.valid).toBe(true);
    const mixed = (await readFile(join(DEMO_DIR, 'entities/Wallet.csv'), 'utf8'))
      .match(/0x[0-9a-fA-F]{40}/g)!
      .find((a) => a !== a.toLowerCase())!;
    const [wallet] = await store.getEntities([`wallet:eth:${mixed.toLowerCase()}`]);
    expect(wallet?.properties).toMatchObject({ chain: 'eth', valid: true, address: mixed.toLowerCase() });
  });

  it('changes nothing when loaded again', async () => {
    const again = await loadCaseBundle(store, DEMO_DIR, { loadedBy: 'someone else', importRun: 'second-run' });
    expect(again.rejects).toEqual([]);
    expect(again.entities).toMatchObject({ created: 0, updated: 0 });
    expect(again.links).toMatchObject({ created: 0, updated: 0 });
    const total = (c: LoadResult['entities']) => c.created + c.updated + c.unchanged;
    expect(again.entities.unchanged).toBe(total(first.entities));
    expect(again.links.unchanged).toBe(total(first.links));
    const [report] = await store.getEntities([`source:${REPORT_SHA}`]);
    expect(report!.properties).toMatchObject({ loadedBy: 'test', importRun: 'test-run' });
  });
});
