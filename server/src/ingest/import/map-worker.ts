/**
 * The mapping worker (started by map-on-worker.ts through map-worker.mjs): reads the file, maps each
 * record with the mapping rebuilt from its data, and posts the records in chunks, never more than
 * `ahead` chunks the importer has not taken yet (it acknowledges each), so memory stays bounded however
 * fast the file reads. A file that cannot be read on is posted as its InputError's parts, after the
 * chunk it stopped in.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileMapping } from '../mapping/compile-mapping.js';
import type { Mapping } from '../mapping/mapping-schema.js';
import { InputError } from '../read/input-error.js';
import { mappedInThread, type MappedRecord } from './mapped-records.js';
import type { FromWorker, WorkerJob } from './map-on-worker.js';

const port = parentPort!;
const data = workerData as WorkerJob;
const job = { ...data, mapping: compileMapping(data.mapping as Mapping, data.where) };
const post = (message: FromWorker) => port.postMessage(message);

let unacknowledged = 0;
let resume: (() => void) | undefined;
port.on('message', () => {
  unacknowledged--;
  resume?.();
  resume = undefined;
});

let bytes = 0;
/** Posts a chunk, then waits while `ahead` chunks are not yet taken. */
const send = async (records: MappedRecord[]) => {
  post({ type: 'chunk', records, bytes });
  unacknowledged++;
  while (unacknowledged >= data.ahead) await new Promise<void>((r) => (resume = r));
};

try {
  // The very reading and mapping of the importer's thread (a partial chunk comes before an InputError).
  for await (const chunk of mappedInThread(job, (n) => (bytes += n))) await send(chunk);
  post({ type: 'end', bytes });
} catch (e) {
  if (!(e instanceof InputError)) throw e; // the worker's error event: the import fails with it
  post({ type: 'input-error', file: e.file, line: e.line, reason: e.reason, bytes });
}
