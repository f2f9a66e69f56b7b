/**
 * The demo case and a generated case through the importer (`--mapping case-bundle`): the same entities
 * and links, with the same values, as the case bundle loader (`ringtrace seed`) makes. Provenance differs
 * by design (the importer cites each row; bundle.json's declared documents are not cited), so sources and
 * the SourceFile records are left out of the comparison.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCase } from '@ringtrace/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaseDir } from '../../paths.js';
import { openStore } from '../../store/open-store.js';
import type { GraphStore } from '../../store/port.js';
import { loadCaseBundle } from '../case-bundle/index.js';
import { bundleImport } from './bundle-mappings.js';
import { runImport } from './run-import.js';
import { dumpGraph } from './test-support/graph-dump.js';

let dir: string;
let n = 0;
const open = () =>
  openStore({ dataDir: join(dir, `db-${++n}`), neo4j: null, bufferPoolMb: 256, queryTimeoutMs: 60_000 });

async function facts(store: GraphStore) {
  const { entities, links } = await dumpGraph(store);
  return {
    entities: entities
      .filter((e) => e.kind !== 'SourceFile' && e.kind !== 'ImportRun')
      .map(({ id, kind, properties }) => ({ id, kind, properties })),
    links: links.map(({ id, type, from, to, properties }) => ({ id, type, from, to, properties })),
  };
}

async function both(bundle: string) {
  const seeded = await open();
  const imported = await open();
  try {
    await loadCaseBundle(seeded, bundle, { loadedBy: 'test' });
    const { files, label } = await bundleImport(bundle);
    const summary = await runImport(imported, { files, mapping: files[0]!.mapping, label, loadedBy: 'test' });
    return { expected: await facts(seeded), actual: await facts(imported), summary };
  } finally {
    await seeded.close();
    await imported.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-bundle-import-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a case bundle through the importer', () => {
  it('loads the demo case as the case bundle loader does', { timeout: 180_000 }, async () => {
    const { expected, actual, summary } = await both(demoCaseDir);
    expect(summary.rejected).toBe(0);
    expect(summary.files.every((f) => f.status === 'loaded')).toBe(true);
    expect(actual.entities.length).toBeGreaterThan(500);
    expect(actual).toEqual(expected);
  });

  it('loads a generated case as the case bundle loader does', { timeout: 300_000 }, async () => {
    const out = join(dir, 'generated');
    await generateCase({ scale: 3000, seed: 11, outDir: out });
    const { expected, actual, summary } = await both(out);
    expect(summary.rows).toBeGreaterThan(3000);
    expect(actual.links.length).toBe(expected.links.length);
    expect(actual).toEqual(expected);
  });
});
