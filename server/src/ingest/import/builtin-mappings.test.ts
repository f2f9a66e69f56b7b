/**
 * Each built-in mapping on its sample file (seed/samples/import, synthetic, with broken rows): what is
 * loaded, what is rejected (line and column), what is kept but flagged; and the EtherScamDB sample as
 * published.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../store/port.js';
import { builtinMapping, builtinMappingNames } from '../mapping/load-mapping.js';
import type { ImportEvent } from './import-types.js';
import { runImport } from './run-import.js';
import { ETHERSCAMDB, SAMPLES, tempStore } from './test-support/temp-store.js';

let store: GraphStore;
let dispose: () => Promise<void>;
beforeAll(async () => ({ store, dispose } = await tempStore()));
afterAll(async () => dispose?.());

async function load(mapping: string, file: string) {
  const issues: string[] = [];
  const onEvent = (e: ImportEvent) => {
    if (e.type === 'reject') issues.push(`reject ${e.line} ${e.field ?? '-'}`);
    if (e.type === 'flag') issues.push(`flag ${e.line} ${e.field}`);
  };
  const path = file.startsWith('/') ? file : SAMPLES + file;
  const summary = await runImport(store, {
    files: [{ path }],
    mapping: await builtinMapping(mapping),
    loadedBy: 'test',
    onEvent,
  });
  return { summary, issues };
}

const props = async (id: string) => (await store.getEntities([id]))[0]?.properties;

describe('built-in mappings on their samples', () => {
  it('has a sample for every built-in mapping', async () => {
    expect(await builtinMappingNames()).toEqual([
      'cdr',
      'etherscamdb',
      'staff-list',
      'victim-complaints',
      'wallet-transactions',
      'workstation-inventory',
    ]);
  });

  it('cdr: national numbers read in RU, Moscow time, victims keyed by E.164; bad date, empty key, bad duration, short row rejected', async () => {
    const { summary, issues } = await load('cdr', 'cdr.csv');
    expect(issues).toEqual([
      'reject 6 start_time',
      'reject 7 called_number',
      'reject 8 duration_s',
      'reject 9 -',
      'flag 10 calling_number',
    ]);
    expect(summary).toMatchObject({ rows: 10, rejected: 4, flagged: 1, links: { created: 5 } });
    expect(await props('phone:+74955551001')).toMatchObject({ raw: '8 495 555-10-01', region: 'RU', valid: true });
    expect(await props('victim:+491701234567')).toEqual({ phone: '+491701234567' });
    const around = await store.expand({ seeds: ['victim:+442079460999'], depth: 1, limit: 10 });
    // 10:02:11 in Moscow (UTC+3) is 07:02:11 UTC; the caller ID shown normalised to E.164.
    expect(around.links[0]?.properties).toEqual({
      at: '2025-02-01T07:02:11.000Z',
      durationSeconds: 611,
      callerIdShown: '+74956063333',
    });
  });

  it('wallet-transactions: chains detected (EVM, TRON, Bitcoin), amounts exact, epoch seconds; broken JSON, comma amount, no time rejected', async () => {
    const { summary, issues } = await load('wallet-transactions', 'wallet-transactions.jsonl');
    expect(issues).toEqual([
      'flag 4 sender.address',
      'reject 5 -',
      'reject 6 -',
      'reject 7 amount',
      'reject 8 timestamp',
      'flag 9 sender.address',
    ]);
    expect(summary).toMatchObject({ rows: 9, rejected: 4, links: { created: 4 } });
    expect(await props('wallet:trx:TB115BhpCAFbjPUgniZ36TZYxNB67fPKzr')).toMatchObject({ chain: 'trx', valid: true });
    expect(await props('wallet:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toMatchObject({ chain: 'btc' });
    const out = await store.expand({
      seeds: ['wallet:eth:0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae'],
      depth: 1,
      limit: 10,
    });
    const amounts = out.links.map((l) => l.properties['amount']).sort();
    // "1.25" and "1.250" (line 10) are one transfer; epoch seconds read as UTC.
    expect(amounts).toEqual(['0.1', '1.25', '1000.5']);
    expect(out.links.find((l) => l.properties['amount'] === '1000.5')?.properties['at']).toBe(
      '2025-02-03T11:00:00.000Z',
    );
  });

  it('victim-complaints: decimal commas, German and Russian country names, Berlin time; empty id, bad loss, impossible date rejected', async () => {
    const { summary, issues } = await load('victim-complaints', 'victim-complaints.csv');
    expect(issues).toEqual([
      'reject 6 victim_id',
      'reject 7 loss',
      'reject 8 paid_at',
      'flag 9 country',
      'flag 9 country',
    ]);
    expect(summary).toMatchObject({ rows: 9, rejected: 3 });
    expect(await props('victim:v-1001')).toMatchObject({
      reportedLoss: '14399.99',
      country: 'DE',
      phone: '+491701234567',
    });
    expect(await props('victim:v-1004')).toMatchObject({ country: 'PL' });
    const paid = await store.expand({ seeds: ['victim:v-1001'], depth: 1, limit: 10, linkTypes: ['PAID'] });
    expect(paid.links[0]?.properties).toMatchObject({ amount: '5000', asset: 'USDT', at: '2025-01-28T13:30:00.000Z' });
  });

  it('workstation-inventory: tab-separated, optional lines and operators; empty host, extra cell, empty site rejected', async () => {
    const { summary, issues } = await load('workstation-inventory', 'workstation-inventory.tsv');
    expect(issues).toEqual(['reject 5 hostname', 'reject 6 -', 'reject 7 site', 'flag 8 outbound_line']);
    expect(summary).toMatchObject({ rows: 7, rejected: 3 });
    expect(await props('workstation:orion-ws-003')).toMatchObject({ ip: '10.0.1.13' });
    const ws = await store.expand({ seeds: ['workstation:orion-ws-001'], depth: 1, limit: 10 });
    expect(ws.links.map((l) => l.type).sort()).toEqual(['HAS_WORKSTATION', 'OPERATES', 'USES_NUMBER']);
  });

  it('staff-list: quoted commas and line breaks, Russian roles and countries; bad dates, unknown role, empty number rejected', async () => {
    const { summary, issues } = await load('staff-list', 'staff-list.csv');
    expect(issues).toEqual(['reject 5 birth_date', 'reject 6 role', 'reject 7 hired_on', 'reject 8 staff_no']);
    expect(summary).toMatchObject({ rows: 8, rejected: 4 });
    expect(await props('person:s-0001')).toMatchObject({ aliases: ['Alex', 'Max'], role: 'caller', nationality: 'RU' });
    expect(await props('person:s-0003')).toMatchObject({ name: 'Dmitri "Dima" Volkov', role: 'team lead' });
    // The quoted work names span two lines; the row is line 10 of the file and still loads.
    expect(await props('person:s-0007')).toMatchObject({ aliases: ['Igor\nGarry'] });
  });

  it.runIf(existsSync(ETHERSCAMDB))(
    'etherscamdb: 6,912 reported sites, their addresses as wallets',
    { timeout: 120_000 },
    async () => {
      const { summary } = await load('etherscamdb', ETHERSCAMDB);
      expect(summary).toMatchObject({ rows: 6912, rejected: 0 });
      expect(summary.flagged).toBeGreaterThan(50); // Ripple, EOS, Stellar... addresses: kept, flagged
      const site = await store.expand({ seeds: ['platform:myelherwallel.com'], depth: 1, limit: 10 });
      expect(site.entities.map((e) => e.id)).toContain('wallet:eth:0xd0cc2b24980cbcca47ef755da88b220a82291407');
      expect(await props('platform:myelherwallel.com')).toMatchObject({ category: 'Phishing / MyEtherWallet' });
    },
  );
});
