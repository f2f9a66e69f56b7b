/**
 * One file through its mapping into the store: records read as a stream, each mapped to the facts it
 * asserts (citing `<sha256>#line:<n>`; mapped-records.ts, on this thread or, for a large file, on a worker:
 * map-on-worker.ts), facts repeated with the same values left out (fact-memory.ts),
 * the rest written in batches through the case bundle's Batcher (one store write per batch, a fact the
 * store refuses found by halving and rejected). A batch is written while the next one is read: the store
 * works on its own threads, so reading and writing overlap. A bad record is rejected with its line and
 * field and the file goes on; a file that cannot be read on (InputError) stops, and the batch it was
 * filling is dropped: what earlier batches wrote stays.
 */
import type { Flag } from '../../domain/facts/flag.js';
import type { EntityWrite } from '../../domain/graph.js';
import { Batcher } from '../case-bundle/batch.js';
import { Issues, type Origin } from '../case-bundle/issues.js';
import type { LoadedMapping } from '../mapping/load-mapping.js';
import { InputError } from '../read/input-error.js';
import { FactMemory } from './fact-memory.js';
import { mappedInThread } from './mapped-records.js';
import { mappedOnWorker } from './map-on-worker.js';
import { addCounts, zeroCounts, type FileOutcome, type ImportEvent } from './import-types.js';
import type { BulkLoad, GraphStore, WriteCounts } from '../../store/port.js';

export interface FileJob {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly mapping: LoadedMapping;
}

export interface LoadContext {
  readonly writer: Pick<GraphStore, 'write' | 'getEntities'>;
  readonly batchSize: number;
  readonly emit: (event: ImportEvent) => void;
  /** Checked between batches: an abort leaves the file unfinished (the run resumes it). */
  readonly signal?: AbortSignal | undefined;
  readonly memory?: number;
  /** The store's bulk load session, when it has one: batches are written through it, finished at the end. */
  readonly bulkLoad?: BulkLoad;
  /** Entity ids the run has written (bounded): references to them need no check. */
  readonly written: WrittenIds;
  /** Read and map the file on a worker thread (map-on-worker.ts) while this one writes. */
  readonly mapOnWorker?: boolean;
}

/** A bounded set of ids written by the run; past its capacity the oldest are forgotten (then checked again). */
export class WrittenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 500_000) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
  }
}

/** Rejects of the Batcher (facts the store refused) go to the same stream as the rows' own rejects. */
class StreamedIssues extends Issues {
  constructor(private readonly onReject: (origin: Origin, reason: string, field?: string) => void) {
    super(0);
  }

  override reject(origin: Origin, reason: string, field?: string): void {
    super.reject(origin, reason, field);
    this.onReject(origin, reason, field);
  }
}

const PROGRESS_EVERY = 1000;
/**
 * Entities remembered: a file names far fewer entities than links, and each one forgotten is written
 * again (a lookup that finds it unchanged). 1e6 calls name 2.5e5 victims: with 2e5 remembered, 5.7e5
 * entity writes came back unchanged and their lookups took 11 s of 75. About 200 bytes an entity.
 */
const ENTITY_MEMORY = 1_000_000;

export async function loadFile(
  job: FileJob,
  ctx: LoadContext,
): Promise<FileOutcome & { entities: WriteCounts; links: WriteCounts }> {
  let rows = 0;
  let rejected = 0;
  let flagged = 0;
  let bytes = 0;
  const reject = (line: number, reason: string, field?: string) => {
    rejected++;
    ctx.emit({ type: 'reject', file: job.name, line, ...(field !== undefined && { field }), reason });
  };
  const flag = (line: number, f: Flag) => {
    flagged++;
    ctx.emit({ type: 'flag', file: job.name, line, field: f.field, value: f.value, reason: f.reason });
  };
  const issues = new StreamedIssues((o, reason, field) => reject(o.line, reason, field));
  // keepText: a re-asserted entity keeps its search text (the port's WriteOptions; why: fts-repair.ts).
  const writeOptions = { keepText: true, oneCitationPerFile: true };
  const known = new Set<string>();
  const bulkLoad = ctx.bulkLoad;
  const writer: LoadContext['writer'] = bulkLoad
    ? { write: (b, o) => bulkLoad.write(b, o), getEntities: (ids) => ctx.writer.getEntities(ids) }
    : ctx.writer;
  const newBatcher = () => new Batcher(writer, known, issues, writeOptions, true);
  let batcher = newBatcher();
  let entities = zeroCounts();
  let links = zeroCounts();
  // Two memories: a call-detail file's links are each new, and in one memory they pushed out the numbers
  // and victims that rows name again and again (each then re-cited: 8e4 updates at 3e5 rows).
  const entityMemory = new FactMemory(ctx.memory ?? ENTITY_MEMORY);
  const linkMemory = new FactMemory(ctx.memory);
  // Phones, wallets, countries named as references, to create before the batch's links if the store lacks them.
  let refs = new Map<string, { e: EntityWrite; origin: Origin }>();
  const land = async (batch: Batcher, batchRefs: typeof refs) => {
    const ids = [...batchRefs.keys()];
    for (let i = 0; i < ids.length; i += 1000) {
      const found = new Set((await ctx.writer.getEntities(ids.slice(i, i + 1000))).map((x) => x.id));
      for (const id of ids.slice(i, i + 1000)) {
        const ref = batchRefs.get(id)!;
        if (!found.has(id)) batch.addEntity(ref.e, ref.origin);
        ctx.written.add(id);
      }
    }
    await batch.flush();
    entities = addCounts(entities, batch.entities);
    links = addCounts(links, batch.links);
  };
  /** What the bulk load held back goes in (the links of a bulk load on the embedded engine). */
  const finish = async () => {
    if (!bulkLoad) return;
    const r = await bulkLoad.finish();
    entities = addCounts(entities, r.entities);
    links = addCounts(links, r.links);
  };
  // The batch being written while the next one is read and mapped (the store works on other threads), so
  // reading and writing overlap; one batch in flight at most, and batches land in the order they were read.
  let landing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await landing;
    const batch = batcher;
    const batchRefs = refs;
    batcher = newBatcher();
    refs = new Map();
    landing = land(batch, batchRefs);
    landing.catch(() => undefined); // awaited by the next flush, or at the end
  };
  const outcome = (status: FileOutcome['status'], note?: string) => ({
    name: job.name,
    sha256: job.sha256,
    status,
    rows,
    rejected,
    flagged,
    ...(note !== undefined && { note }),
    entities,
    links,
  });
  const onBytes = (n: number) => (bytes += n);
  const chunks = ctx.mapOnWorker
    ? mappedOnWorker({ ...job, where: job.mapping.origin }, onBytes)
    : mappedInThread(job, onBytes);
  try {
    return await readAll();
  } finally {
    await bulkLoad?.discard(); // what was not finished (an interrupted or failed load) is dropped
  }

  async function readAll() {
    try {
      for await (const chunk of chunks) {
        for (const record of chunk) {
          rows++;
          if ('problem' in record) reject(record.line, record.problem, record.field);
          else if ('reject' in record) reject(record.line, record.reject, record.field);
          else {
            const { facts } = record;
            const origin = { file: job.name, line: record.line };
            for (const f of facts.flags) flag(record.line, f);
            for (const e of facts.entities) if (!entityMemory.repeated(e)) batcher.addEntity(e, origin);
            for (const e of facts.entities) ctx.written.add(e.id);
            for (const e of facts.refEntities)
              if (!ctx.written.has(e.id) && !refs.has(e.id)) refs.set(e.id, { e, origin });
            for (const { write, ends } of facts.links) {
              if (linkMemory.repeated(write)) continue;
              batcher.addLink(
                write,
                origin,
                ends.filter((end) => !ctx.written.has(end.id)),
              );
            }
          }
          if (batcher.size >= ctx.batchSize) {
            if (ctx.signal?.aborted) {
              await landing;
              batcher.discard();
              return outcome('interrupted', 'stopped before the end: run the same import again to resume');
            }
            await flush();
            ctx.emit({ type: 'progress', name: job.name, rows, bytes });
          } else if (rows % PROGRESS_EVERY === 0) ctx.emit({ type: 'progress', name: job.name, rows, bytes });
        }
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      await landing; // the batches before the one that was filling land; that one is dropped
      batcher.discard();
      refs.clear();
      await finish();
      // In the reject file too, but not counted as a rejected row: the rows after it were never read.
      ctx.emit({ type: 'reject', file: job.name, line: e.line ?? 0, reason: `file stopped: ${e.reason}` });
      ctx.emit({ type: 'progress', name: job.name, rows, bytes });
      return outcome('failed', e.message);
    }
    await flush();
    await landing;
    await finish();
    ctx.emit({ type: 'progress', name: job.name, rows, bytes });
    return outcome('loaded');
  }
}
