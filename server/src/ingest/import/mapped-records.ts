/**
 * A file's records read and mapped to facts, in chunks, in file order: what load-file.ts writes. Run on
 * the importer's thread, or on a worker that runs this very function (map-on-worker.ts), so what a
 * record becomes never depends on where it was mapped. A record is a row's facts, a row the mapping
 * refused (RowReject), or a record the reader could not make a row of; a file that cannot be read on
 * throws InputError after the chunks before it.
 */
import type { CompiledMapping, RowFacts } from '../mapping/compile-mapping.js';
import { RowReject } from '../mapping/row-reject.js';
import { InputError, type OnBytes } from '../read/input-error.js';
import type { InputRecord } from '../read/input-record.js';
import { readInput } from '../read/read-input.js';

export type MappedRecord =
  | { readonly line: number; readonly facts: RowFacts }
  | { readonly line: number; readonly reject: string; readonly field?: string | undefined }
  | { readonly line: number; readonly problem: string; readonly field?: string };

/** What is read and how it is mapped; a worker rebuilds `mapping` from `mapping.mapping` (plain data). */
export interface MapJob {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly mapping: CompiledMapping;
}

/** Records a chunk: large enough that handing one to the importer costs little next to mapping it. */
export const CHUNK_RECORDS = 500;

/** The header's names, spelt as the mapping spells them when they differ only in case or spaces. */
function headerChecker(job: Pick<MapJob, 'name' | 'mapping'>) {
  return (header: string[], line: number): string[] => {
    const folded = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
    const renamed = new Map<string, string>();
    const missing: string[] = [];
    for (const [column, { needed }] of job.mapping.columns) {
      if (header.includes(column)) continue;
      const actual = folded.get(column.trim().toLowerCase());
      if (actual !== undefined) renamed.set(actual, column);
      else if (needed) missing.push(column);
    }
    if (missing.length > 0) {
      const list = missing.map((m) => `"${m}"`).join(', ');
      throw new InputError(
        job.name,
        line,
        `missing column${missing.length > 1 ? 's' : ''} ${list} (the header has: ${header.join(', ')})`,
      );
    }
    return header.map((h) => renamed.get(h) ?? h);
  };
}

/** One record as the importer takes it: the row's facts (citing `<sha256>#line:<n>`), or why not. */
function mapRecord(job: MapJob, record: InputRecord): MappedRecord {
  if ('problem' in record) return record;
  try {
    return {
      line: record.line,
      facts: job.mapping.mapRow(record.row, { sha256: job.sha256, locator: `line:${record.line}` }),
    };
  } catch (e) {
    if (!(e instanceof RowReject)) throw e;
    return { line: record.line, reject: e.message, field: e.field };
  }
}

/** The file's records mapped on this thread, a chunk at a time. */
export async function* mappedInThread(job: MapJob, onBytes: OnBytes): AsyncGenerator<MappedRecord[]> {
  const records = readInput({
    path: job.path,
    name: job.name,
    input: job.mapping.mapping.input,
    onBytes,
    onHeader: headerChecker(job),
  });
  let chunk: MappedRecord[] = [];
  try {
    for await (const record of records) {
      chunk.push(mapRecord(job, record));
      if (chunk.length >= CHUNK_RECORDS) {
        yield chunk;
        chunk = [];
      }
    }
  } catch (e) {
    // The records read before the file stopped are counted (and their rejects reported) as they were.
    if (e instanceof InputError && chunk.length > 0) yield chunk;
    throw e;
  }
  if (chunk.length > 0) yield chunk;
}
