/**
 * Without `fast` set, a file of BULK_FROM_BYTES or more goes in as a bulk load on the embedded engine (and
 * is read on a worker), a smaller one in small batches; `fast: false` keeps small batches for a large file.
 * Both ways give the same graph.
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMapping } from '../mapping/load-mapping.js';
import { BULK_FROM_BYTES, runImport } from './run-import.js';
import { canonicalDump, dumpGraph } from './test-support/graph-dump.js';
import { tempStore } from './test-support/temp-store.js';

type Temp = Awaited<ReturnType<typeof tempStore>>;
const mapping = parseMapping(
  'format: ringtrace-mapping/1\nname: people\ninput: { format: csv, delimiter: "," }\nentities:\n  person: { kind: Person, key: id, properties: { name: name } }\n',
  'people.yaml',
);
// A seized staff list with a long free-text column the mapping does not read: big in bytes, few rows.
const NOTES = 'x'.repeat(2200);
const staff = (n: number) => ['id,name,notes', ...Array.from({ length: n }, (_, i) => `s-${i},Staff ${i},${NOTES}`)];

describe('the bulk load chosen by file size', () => {
  let auto: Temp;
  let batches: Temp;
  let big: string;
  let small: string;
  beforeAll(async () => {
    [auto, batches] = await Promise.all([tempStore(), tempStore()]);
    big = join(auto.dir, 'staff.csv');
    small = join(auto.dir, 'staff-small.csv');
    await writeFile(big, staff(2000).join('\n') + '\n');
    await writeFile(small, staff(100).join('\n').replace(/s-/g, 't-') + '\n');
  });
  afterAll(async () => {
    await auto?.dispose();
    await batches?.dispose();
  });

  it('loads a large file in bulk unless told not to, and a small one in batches; the same graph', async () => {
    expect(statSync(big).size).toBeGreaterThanOrEqual(BULK_FROM_BYTES);
    const files = [
      { path: big, name: 'staff.csv' },
      { path: small, name: 'staff-small.csv' },
    ];
    const a = await runImport(auto.store, { files, mapping, loadedBy: 'test' });
    const b = await runImport(batches.store, { files, mapping, loadedBy: 'test', fast: false });
    expect(a.files.map((f) => [f.status, f.bulk ?? false])).toEqual([
      ['loaded', true],
      ['loaded', false],
    ]);
    expect(b.files.map((f) => f.bulk ?? false)).toEqual([false, false]);
    expect(a.entities).toEqual({ created: 2100, updated: 0, unchanged: 0 });
    expect(canonicalDump(await dumpGraph(auto.store))).toEqual(canonicalDump(await dumpGraph(batches.store)));
  });
});
