/**
 * Runs: provenance on every fact (file hash, row, run, who and when), a re-load that changes nothing and
 * says so, a dry run that writes nothing, undo that keeps what other files also assert, a failed run
 * resumed by loading the same files again.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../store/port.js';
import { builtinMapping } from '../mapping/load-mapping.js';
import { listRuns } from './import-runs.js';
import { runImport } from './run-import.js';
import { hashOf, canonicalDump, dumpGraph } from './test-support/graph-dump.js';
import { SAMPLES, tempStore } from './test-support/temp-store.js';
import { undoImport } from './undo-import.js';

let store: GraphStore;
let dir: string;
let dispose: () => Promise<void>;
beforeAll(async () => ({ store, dir, dispose } = await tempStore()));
afterAll(async () => dispose?.());

const now = () => new Date('2025-03-01T12:00:00.000Z');
const cdr = async (options: { dryRun?: boolean; force?: boolean } = {}) =>
  runImport(store, {
    files: [{ path: `${SAMPLES}cdr.csv`, name: 'cdr.csv' }],
    mapping: await builtinMapping('cdr'),
    loadedBy: 'analyst@test',
    now,
    ...options,
  });

describe('import runs', () => {
  let run: string;
  let sha: string;

  it('a dry run reports what a load would write and writes nothing', async () => {
    const before = await store.countByKind();
    const dry = await cdr({ dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, rows: 10, rejected: 4, entities: { created: 6 }, links: { created: 5 } });
    expect(dry.run).toBeUndefined();
    expect(await store.countByKind()).toEqual(before);
  });

  it('records where every fact comes from: file hash, row, run, who and when', async () => {
    const summary = await cdr();
    expect(summary).toMatchObject({ rows: 10, rejected: 4, entities: { created: 6 }, links: { created: 5 } });
    run = summary.run!;
    sha = summary.files[0]!.sha256;
    expect(run).toMatch(/^run-20250301-120000-[0-9a-f]{4}$/);
    const [phone] = await store.getEntities(['phone:+74955551001']);
    expect(phone!.sources[0]).toEqual({ sha256: sha, locator: 'line:2' });
    const [file] = await store.getEntities([`source:${sha}`]);
    expect(file!.properties).toMatchObject({
      name: 'cdr.csv',
      basis: 'seized',
      loadedBy: 'analyst@test',
      loadedAt: '2025-03-01T12:00:00.000Z',
      importRun: run,
    });
    const [record] = await listRuns(store);
    expect(record).toMatchObject({ name: run, status: 'complete', files: [sha], rows: 10, rejected: 4 });
    expect(record!.mapping).toMatch(/^cdr sha256:[0-9a-f]{64}$/);
  });

  it('loading the same file again changes nothing and says so', async () => {
    const before = hashOf(canonicalDump(await dumpGraph(store)));
    const again = await cdr();
    expect(again.run).toBeUndefined();
    expect(again.files[0]).toMatchObject({ status: 'already loaded', note: expect.stringContaining(`(run ${run})`) });
    expect(hashOf(canonicalDump(await dumpGraph(store)))).toBe(before);
    expect(await listRuns(store)).toHaveLength(1);
  });

  it('--force reads it again: every fact unchanged', async () => {
    const forced = await cdr({ force: true });
    expect(forced.entities).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(forced.links).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('undo removes what the run alone asserted and keeps what another file also asserts', async () => {
    // Another file (another hash) that names one of the same calling lines.
    const other = join(dir, 'other.csv');
    await writeFile(
      other,
      'call_id;start_time;duration_s;calling_number;called_number;presented_number;cell_id\n' +
        '1;05.02.2025 09:00:00;10;8 495 555-10-01;+33 1 42 68 53 00;;X\n',
    );
    await runImport(store, { files: [{ path: other }], mapping: await builtinMapping('cdr'), loadedBy: 'test' });
    const result = await undoImport(store, run, { now });
    expect(result.alreadyUndone).toBe(false);
    expect(result.retracted.entities).toMatchObject({ updated: 1 });
    expect(result.retracted.links.removed).toBe(5);
    const [phone] = await store.getEntities(['phone:+74955551001']);
    expect(phone!.sources).toHaveLength(1);
    expect(phone!.sources[0]!.sha256).not.toBe(sha);
    expect(await store.getEntities(['victim:+491701234567', `source:${sha}`])).toEqual([]);
    expect((await listRuns(store)).find((r) => r.name === run)).toMatchObject({ status: 'undone' });
    expect((await undoImport(store, run)).alreadyUndone).toBe(true);
  });

  it('after an undo the file loads again', async () => {
    const reloaded = await cdr();
    expect(reloaded.run).not.toBe(run);
    expect(reloaded.links.created).toBe(5);
  });

  it('refuses an unknown or malformed run', async () => {
    await expect(undoImport(store, 'run-20250101-000000-ffff')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(undoImport(store, 'yesterday')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('a run stopped by an unreadable file resumes when the same files are loaded again', async () => {
    const good = join(dir, 'good.csv');
    const broken = join(dir, 'broken.csv');
    await copyFile(`${SAMPLES}staff-list.csv`, good);
    await writeFile(broken, 'staff_no,full_name\nS-9,"unclosed quote\n');
    const mapping = await builtinMapping('staff-list');
    const first = await runImport(store, { files: [{ path: good }, { path: broken }], mapping, loadedBy: 'test' });
    expect(first.files.map((f) => f.status)).toEqual(['loaded', 'failed']);
    expect((await listRuns(store)).find((r) => r.name === first.run)).toMatchObject({ status: 'failed' });
    const second = await runImport(store, { files: [{ path: good }, { path: broken }], mapping, loadedBy: 'test' });
    expect(second).toMatchObject({ run: first.run, resumed: true });
    expect(second.files.map((f) => f.status)).toEqual(['already loaded', 'failed']);
  });
});
