/**
 * A file read and mapped on a worker thread while the importer's thread checks, batches and writes what
 * came before: the two steps cost about the same per row (at 1e5 call records, reading and mapping 2.0 s,
 * the rest 2.3 s), and each had one core. Chunks arrive in file order; the worker stays at most
 * `AHEAD_CHUNKS` chunks ahead. Leaving the iteration early (an abort, a failed write) stops the worker.
 */
import { Worker } from 'node:worker_threads';
import { InputError, type OnBytes } from '../read/input-error.js';
import type { MapJob, MappedRecord } from './mapped-records.js';

/** Chunks the worker may map before the importer takes them (memory: about 1 KiB a record each). */
const AHEAD_CHUNKS = 8;

/**
 * Mapping makes many short-lived objects (a row's cells, strings, facts): a larger young generation lets
 * more of them die young instead of being copied out. Read and map alone, 1e6 call records: 27.2 s with
 * V8's default, 25.1 s with 64 MiB semi-spaces (the young generation is three of them).
 */
const YOUNG_GENERATION_MB = 192;

export interface WorkerJob {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  /** The mapping as data (LoadedMapping.mapping), compiled again in the worker. */
  readonly mapping: unknown;
  /** Names the mapping in its errors. */
  readonly where: string;
  readonly ahead: number;
}

export type FromWorker =
  | { readonly type: 'chunk'; readonly records: MappedRecord[]; readonly bytes: number }
  | { readonly type: 'end'; readonly bytes: number }
  | {
      readonly type: 'input-error';
      readonly file: string;
      readonly line: number | undefined;
      readonly reason: string;
      readonly bytes: number;
    };

export async function* mappedOnWorker(
  job: MapJob & { readonly where: string },
  onBytes: OnBytes,
): AsyncGenerator<MappedRecord[]> {
  const workerData: WorkerJob = {
    path: job.path,
    name: job.name,
    sha256: job.sha256,
    mapping: job.mapping.mapping,
    where: job.where,
    ahead: AHEAD_CHUNKS,
  };
  const worker = new Worker(new URL('./map-worker.mjs', import.meta.url), {
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const inbox: FromWorker[] = [];
  let failure: Error | undefined;
  let exitCode: number | undefined;
  let wake: (() => void) | undefined;
  const woken = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (m: FromWorker) => {
    inbox.push(m);
    woken();
  });
  worker.on('error', (e) => {
    failure = e;
    woken();
  });
  worker.on('exit', (code) => {
    exitCode = code;
    woken();
  });
  let bytes = 0;
  const took = (total: number) => {
    onBytes(total - bytes);
    bytes = total;
  };
  try {
    for (;;) {
      while (inbox.length === 0 && failure === undefined && exitCode === undefined) {
        await new Promise<void>((r) => (wake = r));
      }
      const m = inbox.shift();
      if (m === undefined) throw failure ?? new Error(`the mapping worker stopped (exit code ${exitCode})`);
      took(m.bytes);
      if (m.type === 'end') return;
      if (m.type === 'input-error') throw new InputError(m.file, m.line, m.reason);
      yield m.records;
      worker.postMessage('taken');
    }
  } finally {
    await worker.terminate();
  }
}
