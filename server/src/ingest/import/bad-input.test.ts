/**
 * Bad input: each case stops with a clear error naming the file and what is wrong; the batch being read
 * when a file stops is not written, what earlier batches wrote stays, and the rest of the run goes on.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../store/port.js';
import { parseMapping, type LoadedMapping } from '../mapping/load-mapping.js';
import { textLines } from '../read/text-lines.js';
import type { ImportEvent } from './import-types.js';
import { runImport } from './run-import.js';
import { tempStore } from './test-support/temp-store.js';

let store: GraphStore;
let dir: string;
let dispose: () => Promise<void>;
let mapping: LoadedMapping;
let mapOnWorker: boolean;

const MAPPING = `
format: ringtrace-mapping/1
name: people
input: { format: csv, delimiter: ',', maxLineLength: 4096 }
entities:
  person: { kind: Person, key: id, properties: { name: name } }
`;
const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `p-${from + i},Person ${from + i}`).join('\n');

async function load(name: string, bytes: Buffer | string, batchSize = 5) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const events: ImportEvent[] = [];
  const summary = await runImport(store, {
    files: [{ path, name }],
    mapping,
    loadedBy: 'test',
    batchSize,
    mapOnWorker,
    onEvent: (e) => events.push(e),
  });
  const stopped = events.find(
    (e): e is Extract<ImportEvent, { type: 'reject' }> => e.type === 'reject' && e.reason.startsWith('file stopped'),
  );
  return { summary, file: summary.files[0]!, stopped };
}

const people = async (from: number, to: number) =>
  (await store.getEntities(Array.from({ length: to - from }, (_, i) => `person:p-${from + i}`))).length;

// Each case read and mapped on the importer's thread and on a worker (map-on-worker.ts): the same outcome.
describe.each([
  ['on the importer thread', false],
  ['on a worker', true],
])('bad input read %s', (_, onWorker) => {
  beforeAll(async () => {
    ({ store, dir, dispose } = await tempStore());
    mapping = parseMapping(MAPPING, 'people.yaml');
    mapOnWorker = onWorker;
  });
  afterAll(async () => dispose?.());

  it('wrong encoding: stops at the line, keeps the batches before it, drops the half-read one', async () => {
    const text = `id,name\n${rows(0, 12)}\n`;
    const latin1 = Buffer.concat([Buffer.from(text), Buffer.from('p-12,Jos\xe9\np-13,Ann\n', 'latin1')]);
    const { file, stopped } = await load('latin1.csv', latin1);
    expect(file.status).toBe('failed');
    expect(file.note).toBe(
      'latin1.csv line 14: not valid utf-8: set input.encoding in the mapping (windows-1251, latin1...)',
    );
    expect(stopped).toMatchObject({ line: 14 });
    // Batches of 5: rows 0-9 were written; 10 and 11 were in the batch being filled when the file stopped.
    expect(await people(0, 10)).toBe(10);
    expect(await people(10, 14)).toBe(0);
    expect(await store.getEntities([`source:${file.sha256}`])).toEqual([]); // not marked loaded
  });

  it('missing columns: the file is refused at its header, naming the columns it lacks', async () => {
    const { file } = await load('no-name.csv', 'id,nom\np-100,Someone\n');
    expect(file).toMatchObject({ status: 'failed', rows: 0 });
    expect(file.note).toBe('no-name.csv line 1: missing column "name" (the header has: id, nom)');
  });

  it('truncated gzip: stops where the compressed data ends, keeping what was read before', async () => {
    const whole = gzipSync(Buffer.from(`id,name\n${rows(10000, 15000)}\n`));
    const { file, stopped } = await load('cut.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.6)), 1000);
    expect(file.status).toBe('failed');
    expect(file.note).toMatch(
      /^cut\.csv\.gz line \d+: the gzip stream is truncated \(the file ends before the compressed data does\)$/,
    );
    expect(stopped!.line).toBeGreaterThan(1000);
    expect(await people(10000, 11000)).toBe(1000);
  });

  it('a gzip file loads like the text it holds', async () => {
    const { file } = await load('whole.csv.gz', gzipSync(Buffer.from(`id,name\n${rows(300, 320)}\n`)));
    expect(file).toMatchObject({ status: 'loaded', rows: 20 });
    expect(await people(300, 320)).toBe(20);
  });

  it('an empty file', async () => {
    const { file } = await load('empty.csv', '');
    expect(file).toMatchObject({ status: 'failed', note: 'empty.csv: the file is empty' });
  });

  it('a line past the limit (a 2 GB line, simulated): stops at the limit, naming the file and line', async () => {
    const longLine = `id,name\n${rows(400, 407)}\np-407,${'x'.repeat(10_000)}\n`;
    const { file } = await load('long.csv', longLine);
    expect(file.note).toBe('long.csv line 9: record longer than 4,096 characters (input.maxLineLength)');
    expect(await people(400, 405)).toBe(5);
    expect(await people(405, 408)).toBe(0);
  });

  it('a UTF-16 file and a spreadsheet are named for what they are', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n', 'utf16le')]);
    expect((await load('utf16.csv', utf16)).file.note).toBe(
      'utf16.csv line 1: is UTF-16 text (it starts with a UTF-16 byte-order mark): set input.encoding to utf-16le',
    );
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect((await load('book.xlsx', zip)).file.note).toBe(
      'book.xlsx: is a ZIP archive (a spreadsheet?): export it as CSV or JSON Lines',
    );
  });

  it('the rest of a run goes on after a file stops', async () => {
    const bad = join(dir, 'bad2.csv');
    const good = join(dir, 'good2.csv');
    await writeFile(bad, '');
    await writeFile(good, `id,name\n${rows(500, 503)}\n`);
    const files = [{ path: bad }, { path: good }];
    const summary = await runImport(store, { files, mapping, loadedBy: 'test', mapOnWorker });
    expect(summary.files.map((f) => f.status)).toEqual(['failed', 'loaded']);
    expect(await people(500, 503)).toBe(3);
  });
});

describe('bad input', () => {
  it('a mapping naming an unknown kind or field is refused before any file is read, listing every problem', () => {
    const bad = MAPPING.replace('kind: Person', 'kind: Persn').concat(
      '  wallet: { kind: Wallet, key: addr, properties: { colour: c } }\nlinks:\n  - { type: PAYS, from: person, to: wallet }\n',
    );
    expect(() => parseMapping(bad, 'people.yaml')).toThrow(
      /mapping: people\.yaml: entities\.person\.kind: unknown kind "Persn" \(known: .*\); entities\.wallet\.properties\.colour: Wallet has no property "colour" \(known: address, chain, valid, label\); links\[0\]\.type: unknown relationship type "PAYS"/,
    );
    expect(() => parseMapping('format: ringtrace-mapping/1\nname: x\nentities: {}\nextra: 1\n', 'x.yaml')).toThrow(
      /x\.yaml is not a ringtrace mapping: .*Unrecognized key: "extra"/,
    );
  });

  it('a stream that never ends a line is cut at the limit without holding more than it', async () => {
    let produced = 0;
    async function* endless() {
      const chunk = 'y'.repeat(64 * 1024);
      for (;;) {
        produced += chunk.length;
        yield chunk;
      }
    }
    const lines = textLines(endless(), 1024 * 1024, 'endless.jsonl');
    await expect(lines.next()).rejects.toThrow(
      'endless.jsonl line 1: line longer than 1,048,576 characters (input.maxLineLength)',
    );
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });
});
