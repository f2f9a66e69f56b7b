/**
 * Reading and mapping on a worker gives the records, in the order and chunks, that the importer's own
 * thread gives; a file that cannot be read on stops with the same InputError after the same records; an
 * importer that stops taking records early stops the worker.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtinMapping } from '../mapping/load-mapping.js';
import { InputError } from '../read/input-error.js';
import { mappedOnWorker } from './map-on-worker.js';
import { CHUNK_RECORDS, mappedInThread, type MappedRecord } from './mapped-records.js';
import { tempStore } from './test-support/temp-store.js';

const HEADER = 'call_id;start_time;duration_s;calling_number;called_number;presented_number;cell_id';
const row = (i: number) =>
  `${i};0${1 + (i % 9)}.02.2025 10:00:00;${60 + i};8 495 555-00-0${i % 10};+49 170 ${1_000_000 + i};;MSK-1`;

let dir: string;
let dispose: () => Promise<void>;
beforeAll(async () => ({ dir, dispose } = await tempStore()));
afterAll(async () => dispose?.());

async function both(name: string, text: string | Buffer) {
  const path = join(dir, name);
  await writeFile(path, text);
  const job = { path, name, sha256: 'a'.repeat(64), mapping: await builtinMapping('cdr'), where: 'builtin:cdr' };
  const read = async (chunks: AsyncGenerator<MappedRecord[]>) => {
    const out: { chunks: MappedRecord[][]; bytes: number; error?: unknown } = { chunks: [], bytes: 0 };
    try {
      for await (const c of chunks) out.chunks.push(c);
    } catch (e) {
      out.error = e;
    }
    return out;
  };
  const inThread = { bytes: 0 };
  const onWorker = { bytes: 0 };
  const a = await read(mappedInThread(job, (n) => (inThread.bytes += n)));
  const b = await read(mappedOnWorker(job, (n) => (onWorker.bytes += n)));
  return { inThread: { ...a, bytes: inThread.bytes }, onWorker: { ...b, bytes: onWorker.bytes } };
}

describe('a file mapped on a worker', () => {
  it('gives the records the importer thread gives: facts, rejects and unreadable records, in order', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => row(i));
    rows[7] = '7;not a date;60;8 495 555-00-07;+49 170 1000007;;MSK-1'; // rejected: the date
    rows[800] = '800;too;few'; // not a row: the wrong number of cells
    const { inThread, onWorker } = await both('calls.csv', [HEADER, ...rows].join('\n') + '\n');
    expect(onWorker).toEqual(inThread);
    expect(onWorker.chunks.map((c) => c.length)).toEqual([CHUNK_RECORDS, CHUNK_RECORDS, 200]);
    const records = onWorker.chunks.flat();
    expect(records[7]).toMatchObject({ line: 9, reject: expect.stringMatching(/^start_time: /) });
    expect(records[800]).toMatchObject({ line: 802, problem: expect.any(String) });
    expect(records[0]).toMatchObject({ line: 2, facts: { entities: [{ kind: 'PhoneNumber' }, { kind: 'Victim' }] } });
    expect(onWorker.bytes).toBeGreaterThan(1200 * 40);
  });

  it('stops with the InputError the importer thread stops with, after the same records', async () => {
    const rows = Array.from({ length: 700 }, (_, i) => row(i));
    const text = Buffer.concat([
      Buffer.from([HEADER, ...rows].join('\n') + '\n'),
      Buffer.from('9;Jos\xe9\n', 'latin1'),
    ]);
    const { inThread, onWorker } = await both('latin1.csv', text);
    expect(onWorker.error).toBeInstanceOf(InputError);
    expect(onWorker.error).toMatchObject({ file: 'latin1.csv', line: 702 });
    expect((onWorker.error as Error).message).toBe((inThread.error as Error).message);
    expect(onWorker.chunks).toEqual(inThread.chunks);
    expect(onWorker.chunks.flat()).toHaveLength(700);
  });

  it('stops the worker when the importer stops taking records', async () => {
    const path = join(dir, 'long.csv');
    await writeFile(path, [HEADER, ...Array.from({ length: 20_000 }, (_, i) => row(i))].join('\n') + '\n');
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      const job = { path, name: 'long.csv', sha256: 'b'.repeat(64), mapping: await builtinMapping('cdr'), where: 'x' };
      const chunks = mappedOnWorker(job, () => undefined);
      expect((await chunks.next()).value).toHaveLength(CHUNK_RECORDS);
      await chunks.return(undefined);
      expect(terminate).toHaveBeenCalledTimes(1);
      expect((await chunks.next()).done).toBe(true);
    } finally {
      terminate.mockRestore();
    }
  });
});
