/**
 * `--fast` (bulk writes: staged files and COPY on the embedded engine, batches written while the next is
 * read, the file read and mapped on a worker) loads exactly the graph the default batches load (read on
 * the importer's thread): same entities, links, properties and sources, same rejects and flags, over
 * several batches, with a bad row in the middle. Read again with --force, it leaves the graph as it was.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinMapping } from '../mapping/load-mapping.js';
import type { ImportEvent, ImportSummary } from './import-types.js';
import { runImport } from './run-import.js';
import { COMPLAINT_HEADER, complaintRows } from './test-support/complaint-rows.js';
import { canonicalDump, dumpGraph } from './test-support/graph-dump.js';
import { tempStore } from './test-support/temp-store.js';

const ROWS = 3000;
type Temp = Awaited<ReturnType<typeof tempStore>>;

describe('a fast import', () => {
  let fast: Temp;
  let safe: Temp;
  let file: string;
  beforeAll(async () => {
    [fast, safe] = await Promise.all([tempStore(), tempStore()]);
    const rows = [...complaintRows(0, ROWS)];
    rows.splice(1234, 0, 'C-broken;not a date;;;;;;;;;;;;;');
    file = join(fast.dir, 'complaints.csv');
    await writeFile(file, [COMPLAINT_HEADER, ...rows].join('\n') + '\n');
    // Both stores already hold another file naming some of the same victims, wallets and platforms: the
    // fast load must find them (no table is empty when it begins).
    const earlier = join(fast.dir, 'earlier.csv');
    await writeFile(earlier, [COMPLAINT_HEADER, ...complaintRows(0, 400, 11)].join('\n') + '\n');
    for (const t of [fast, safe])
      await runImport(t.store, {
        files: [{ path: earlier, name: 'earlier.csv' }],
        mapping: await builtinMapping('victim-complaints'),
        loadedBy: 'test',
      });
  });
  afterAll(async () => {
    await fast?.dispose();
    await safe?.dispose();
  });

  const said = new Map<Temp, ImportEvent[]>();
  const load = async (t: Temp, fastMode: boolean, force = false): Promise<ImportSummary> => {
    const events: ImportEvent[] = [];
    said.set(t, events);
    return runImport(t.store, {
      files: [{ path: file, name: 'complaints.csv' }],
      mapping: await builtinMapping('victim-complaints'),
      loadedBy: 'test',
      fast: fastMode,
      force,
      mapOnWorker: fastMode,
      onEvent: (e) => events.push(e),
      // Several batches, each above the adapter's COPY thresholds.
      ...(fastMode && { batchSize: 2000 }),
    });
  };
  const rejectsAndFlags = (t: Temp) => said.get(t)!.filter((e) => e.type === 'reject' || e.type === 'flag');

  it('loads the graph the default batches load', async () => {
    const [a, b] = [await load(fast, true), await load(safe, false)];
    expect(a.files[0]!.status).toBe('loaded');
    expect(a.rows).toBe(ROWS + 1);
    expect(a.rejected).toBeGreaterThanOrEqual(1);
    // The same facts created and the same rows rejected. `updated` differs by design: a victim named again
    // with another loss within one batch is merged into its creation, across batches it is an update.
    expect([a.rows, a.rejected, a.flagged, a.entities.created, a.links]).toEqual([
      b.rows,
      b.rejected,
      b.flagged,
      b.entities.created,
      b.links,
    ]);
    expect(a.links.created).toBeGreaterThan(2000);
    expect(rejectsAndFlags(fast)).toEqual(rejectsAndFlags(safe));
    expect(rejectsAndFlags(fast)).toContainEqual(expect.objectContaining({ type: 'reject', line: 1236 }));
    expect(canonicalDump(await dumpGraph(fast.store))).toEqual(canonicalDump(await dumpGraph(safe.store)));
  });

  it('changes nothing but its own run record when the file is read again', async () => {
    const facts = async () => {
      const dump = canonicalDump(await dumpGraph(fast.store));
      return { ...dump, entities: dump.entities.filter((e) => e.kind !== 'ImportRun') };
    };
    const before = await facts();
    const again = await load(fast, true, true);
    expect(again.entities.created + again.links.created).toBe(0);
    expect(await facts()).toEqual(before);
  });
});
