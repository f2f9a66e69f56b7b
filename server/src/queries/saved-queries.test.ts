/**
 * Every saved query of cypher/queries, run through the runner on the demo case in the embedded engine,
 * with its result checked against what the demo case holds. (Every Neo4j variant is checked by Neo4j's
 * linter in cypher/src/queries/library.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../testing/demo-app.js';
import { savedQueryLibrary } from './library.js';
import { runSavedQuery, type QueryResult } from './run-query.js';

let demo: DemoApp;
const library = savedQueryLibrary();
const tested = new Set<string>();

beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo?.dispose());

async function run(name: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
  tested.add(name);
  return runSavedQuery(demo.store, library, name, params);
}

/** The rows as objects keyed by column. */
const records = (r: QueryResult) =>
  r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))) as Array<Record<string, unknown>>;

describe('saved queries on the demo case', () => {
  it('centre-to-crime-group: Orion is one hop from Khimprom, and the path is in the subgraph', async () => {
    const result = await run('centre-to-crime-group', { centre: 'callcentre:moscow-orion' });
    expect(records(result)).toEqual([
      expect.objectContaining({
        crimeGroup: 'crimegroup:khimprom',
        name: 'Khimprom',
        hops: 1,
        entityIds: ['callcentre:moscow-orion', 'crimegroup:khimprom'],
        linkIds: [expect.stringMatching(/^link:CONTROLS:/)],
      }),
    ]);
    expect(result.subgraph.entities.map((e) => e.id).sort()).toEqual([
      'callcentre:moscow-orion',
      'crimegroup:khimprom',
    ]);
    expect(result.subgraph.links).toEqual([expect.objectContaining({ type: 'CONTROLS', from: 'crimegroup:khimprom' })]);
  });

  it('shared-infrastructure: seven numbers and the ten deposit wallets are shared by several centres', async () => {
    const rows = records(await run('shared-infrastructure'));
    const phones = rows.filter((r) => r['kind'] === 'PhoneNumber');
    const wallets = rows.filter((r) => r['kind'] === 'Wallet');
    expect(phones).toHaveLength(7);
    expect(phones[0]).toMatchObject({ centreCount: 5 });
    expect(phones.map((r) => r['id'])).toContain('phone:+442079460999');
    expect(wallets).toHaveLength(10);
    for (const r of rows) expect((r['centres'] as string[]).length).toBe(r['centreCount']);
    expect(records(await run('shared-infrastructure', { minCentres: 5 }))).toHaveLength(3);
  });

  it('recruiters-of-many-centres: StaffLink Global staffed all five centres with 45 recruits', async () => {
    const rows = records(await run('recruiters-of-many-centres'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ recruiter: 'recruiter:stafflink-global', centreCount: 5, staff: 45 });
    expect(records(await run('recruiters-of-many-centres', { minCentres: 3 })).map((r) => r['recruiter'])).toEqual([
      'recruiter:stafflink-global',
      'recruiter:polyglot-careers',
      'recruiter:recruiter-hakobyan',
    ]);
  });

  it('spoofed-numbers: four spoofed numbers, imitating the MVD, the FSB and a bank', async () => {
    const rows = records(await run('spoofed-numbers'));
    expect(rows.map((r) => [r['number'], r['agency']])).toEqual([
      ['phone:+442079460999', 'agency:northbridge-savings-bank'],
      ['phone:+74955550212', 'agency:mvd'],
      ['phone:+74955550202', 'agency:mvd'],
      ['phone:+74955550224', 'agency:fsb'],
    ]);
    for (const r of rows) expect(r['callsShowingIt']).toBeGreaterThan(0);
  });

  it('victims-by-country: 300 victims in all, Germany first with 45; a table, so no subgraph', async () => {
    const result = await run('victims-by-country');
    const rows = records(result);
    expect(rows.reduce((n, r) => n + (r['victims'] as number), 0)).toBe(300);
    expect(rows[0]).toMatchObject({ code: 'DE', victims: 45, currencies: ['USD'] });
    expect(rows[0]!['reportedLoss']).toBeGreaterThan(0);
    expect(result.subgraph.entities).toEqual([]);
    expect(records(await run('victims-by-country', { minVictims: 20 })).map((r) => r['code'])).toEqual([
      'DE',
      'GB',
      'FR',
      'US',
    ]);
  });

  it('money-trail: from a victim through transfers, every hop later than the one before', async () => {
    const result = await run('money-trail', { victim: 'victim:v-0002', maxHops: 3 });
    const rows = records(result);
    expect(rows.length).toBeGreaterThan(0);
    const links = new Map(result.subgraph.links.map((l) => [l.id, l]));
    for (const r of rows) {
      const transfers = (r['transfers'] as string[]).map((id) => links.get(id)!);
      expect(transfers).toHaveLength(r['hops'] as number);
      const times = [r['paidAt'] as string, ...transfers.map((t) => t.properties['at'] as string)];
      expect([...times].sort()).toEqual(times);
      expect(new Set(times).size).toBe(times.length);
      expect(r['hops']).toBeLessThanOrEqual(3);
    }
    expect(rows.map((r) => r['reachedLabel'])).toContain('consolidation (eth), group-owned');
    // A window ending before the victim's first payment leaves nothing; a high floor drops the small ones.
    expect((await run('money-trail', { victim: 'victim:v-0002', to: '2025-01-01' })).rows).toEqual([]);
    const large = records(await run('money-trail', { victim: 'victim:v-0002', minAmount: 10_000 }));
    for (const r of large) expect(Number(r['paid'])).toBeGreaterThanOrEqual(10_000);
    expect(large.length).toBeLessThan(rows.length);
  });

  it('top-consolidation-wallets: the group-owned consolidation wallets lead their chains', async () => {
    const rows = records(await run('top-consolidation-wallets'));
    expect(rows[0]).toMatchObject({ wallet: 'wallet:trx:TLFZHCFqMsTWQAANNKGMRJPos6G278r8vP', hops: 1, feeders: 4 });
    expect(rows.find((r) => r['wallet'] === 'wallet:eth:0xbdf3502d0c5f3c028247b5ded3a0e38f9945e3a0')).toMatchObject({
      hops: 1,
    });
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!['victims']).toBeGreaterThanOrEqual(rows[i]!['victims'] as number);
    expect(records(await run('top-consolidation-wallets', { maxHops: 1, limit: 2 }))).toHaveLength(2);
  });

  it('callers-of-many-countries: the busiest lines called victims in up to 19 countries', async () => {
    const rows = records(await run('callers-of-many-countries', { minCountries: 10 }));
    expect(rows[0]).toMatchObject({ kind: 'PhoneNumber', id: 'phone:+79165550002', countries: 19 });
    expect(rows.some((r) => r['kind'] === 'Workstation')).toBe(true);
    for (const r of rows) expect(r['countries']).toBeGreaterThanOrEqual(10);
  });

  it('calls-per-number-per-day: days add up to the number’s calls, busiest first', async () => {
    const all = records(await run('calls-per-number-per-day'));
    for (let i = 1; i < all.length; i++)
      expect(all[i - 1]!['calls']).toBeGreaterThanOrEqual(all[i]!['calls'] as number);
    const one = records(await run('calls-per-number-per-day', { number: 'phone:+79165550002' }));
    expect(new Set(one.map((r) => r['number']))).toEqual(new Set(['phone:+79165550002']));
    expect(one.reduce((n, r) => n + (r['calls'] as number), 0)).toBe(76);
    for (const r of one) expect(r['day']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('staff-at-large: nine people, the group’s leader among them', async () => {
    const rows = records(await run('staff-at-large'));
    expect(rows).toHaveLength(9);
    expect(rows).toContainEqual(
      expect.objectContaining({ name: 'Yegor Burkin', role: 'leader', leads: 'crimegroup:khimprom' }),
    );
    expect(records(await run('staff-at-large', { status: 'witness' }))).toEqual([]);
  });

  it('platforms-sharing-wallets: no two platforms share a deposit wallet, but they share consolidation wallets', async () => {
    expect((await run('platforms-sharing-wallets')).rows).toEqual([]);
    const rows = records(await run('platforms-sharing-wallets', { maxHops: 1 }));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      platform: 'platform:aurumfx',
      otherPlatform: 'platform:bitexora',
      sharedWallets: 3,
    });
  });

  it('most-central: PageRank (Kuzu algo extension) puts the trx consolidation wallet first', async () => {
    const rows = records(await run('most-central', { limit: 5 }));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ id: 'wallet:trx:TLFZHCFqMsTWQAANNKGMRJPos6G278r8vP', kind: 'Wallet' });
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!['rank']).toBeGreaterThanOrEqual(rows[i]!['rank'] as number);
    // The projection is dropped after the run: running it again projects afresh.
    expect((await run('most-central', { limit: 1 })).rows).toHaveLength(1);
  });

  it('rings: the demo case is one ring of all 545 investigation entities (countries and provenance left out)', async () => {
    const rows = records(await run('rings', { sample: 3 }));
    expect(rows).toEqual([expect.objectContaining({ size: 545, sample: expect.any(Array) })]);
    expect(rows[0]!['sample']).toHaveLength(3);
    expect(rows[0]!['kinds']).toHaveLength(10);
  });

  it('tests every query of the library', () => {
    expect([...tested].sort()).toEqual(library.queries.map((q) => q.name).sort());
  });
});
