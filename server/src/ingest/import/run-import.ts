/**
 * An import run: files hashed (SHA-256, streamed), files already loaded left alone (said so), an
 * ImportRun record written (or an interrupted one resumed), each file loaded through its mapping, and a
 * file marked loaded only once all of it is written: its SourceFile entity (`source:<sha256>`, with
 * loadedAt, loadedBy, importRun) goes in one transaction with the run's counters, after its last batch.
 * So a load killed at any moment is completed by running it again: the file is read from the start,
 * every write is an idempotent upsert keyed by natural keys, and the result is the graph an uninterrupted
 * load makes. `dryRun` counts what would change and writes nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { prepareEntity } from '../../domain/facts/prepare-entity.js';
import { invalidArgument } from '../../domain/errors.js';
import type { GraphStore } from '../../store/port.js';
import type { LoadedMapping } from '../mapping/load-mapping.js';
import { DryRunWriter } from './dry-run-writer.js';
import { addCounts, zeroCounts, type FileOutcome, type ImportEvent, type ImportSummary } from './import-types.js';
import { listRuns, newRunName, resumable, runWrite, type RunRecord } from './import-runs.js';
import { loadFile, WrittenIds } from './load-file.js';

export interface ImportFile {
  readonly path: string;
  /** Name recorded on the SourceFile and used in messages; default the path as given. */
  readonly name?: string;
  /** This file's own mapping (a case bundle's files each have one); default the run's. */
  readonly mapping?: LoadedMapping;
}

export interface ImportOptions {
  readonly files: readonly ImportFile[];
  /** The mapping of files that name none; also what the run records, unless `label` is given. */
  readonly mapping: LoadedMapping;
  /** What the run records as its mapping (resumption matches on it); default `<name> sha256:<hash>`. */
  readonly label?: string;
  /** Who loads (a user, a tool), recorded on the run and on each SourceFile. */
  readonly loadedBy: string;
  readonly dryRun?: boolean;
  /** Load files again even when already loaded (idempotent; the first load's stamp stays). */
  readonly force?: boolean;
  /**
   * Facts per store write (one transaction each). Default: 10,000 on Neo4j; on the embedded engine
   * EMBEDDED_SAFE_BATCH, small enough that no write uses COPY (other writers go between batches), or
   * EMBEDDED_FAST_BATCH with `fast`.
   */
  readonly batchSize?: number;
  /**
   * On the embedded engine: large batches loaded with COPY, links at the end (a bulk load: other writes
   * are refused until it ends). Killed midway and run again, it ends with the same graph (tested).
   * Default: for files of BULK_FROM_BYTES or more; false keeps small batches whatever the size.
   */
  readonly fast?: boolean | undefined;
  /**
   * Read and map files on a worker thread while this one writes (map-on-worker.ts). Default: files of
   * MAP_ON_WORKER_BYTES or more; a worker takes about 0.6 s to start (it loads the mapping's code).
   */
  readonly mapOnWorker?: boolean;
  /** SourceFile title (a citation) for every file of the run. */
  readonly title?: string;
  readonly onEvent?: (event: ImportEvent) => void;
  /** Stops between batches; the run stays resumable. */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

/**
 * The embedded adapter loads a write with COPY from 300 new entities of a kind or 200 new links of a pair;
 * below both, one statement per fact: the default keeps every batch small, so other writers (hand edits
 * in the app) go between them.
 */
export const EMBEDDED_SAFE_BATCH = 150;
/**
 * `fast` on the embedded engine: bulk batches (entities COPYed batch by batch, links held back and COPYed
 * once at the end: store/kuzu/staged-links.ts). 1e5 call records: 4.8 s in batches of 1e5 facts, 5.5 s
 * in batches of 5e4 (more COPYs and lookups), with no lower peak RSS.
 */
export const EMBEDDED_FAST_BATCH = 100_000;

/** Files from this size are read and mapped on a worker by default: 4 MiB, about 6e4 call records. */
export const MAP_ON_WORKER_BYTES = 4 * 1024 * 1024;
/**
 * Files from this size go in as a bulk load (`fast`) on the embedded engine unless told otherwise: in small
 * batches 1e5 call records (7 MiB) take 78 s, in bulk 5 s. Below it small batches cost little, and other
 * writers are not held off.
 */
export const BULK_FROM_BYTES = 4 * 1024 * 1024;

interface Planned {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly mapping?: LoadedMapping | undefined;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function plan(files: readonly ImportFile[]): Promise<Planned[]> {
  const out: Planned[] = [];
  for (const f of files) {
    let size: number;
    try {
      const s = await stat(f.path);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch (e) {
      throw invalidArgument('file', `${f.name ?? f.path} cannot be read: ${(e as Error).message}`);
    }
    const sha256 = await hashFile(f.path);
    // The same bytes given twice (a copy under another name) are one file.
    if (!out.some((p) => p.sha256 === sha256)) {
      out.push({ path: f.path, name: f.name ?? f.path, sha256, bytes: size, mapping: f.mapping });
    }
  }
  return out;
}

/** `already loaded on <when> by <who> (run <run>)` for files whose SourceFile exists. */
async function loadedBefore(store: GraphStore, files: readonly Planned[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const found = await store.getEntities(files.map((f) => `source:${f.sha256}`));
  for (const e of found) {
    const p = e.properties;
    const when = typeof p['loadedAt'] === 'string' ? ` on ${p['loadedAt']}` : '';
    const who = typeof p['loadedBy'] === 'string' ? ` by ${p['loadedBy']}` : '';
    const run = typeof p['importRun'] === 'string' ? ` (run ${p['importRun']})` : '';
    out.set(e.id.slice('source:'.length), `already loaded${when}${who}${run}`);
  }
  return out;
}

export async function runImport(store: GraphStore, o: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const now = o.now ?? (() => new Date());
  const emit = o.onEvent ?? (() => undefined);
  const embedded = store.info.engine === 'embedded';
  const fastFor = (f: Planned) => o.fast ?? (embedded && f.bytes >= BULK_FROM_BYTES);
  const batchSizeFor = (fast: boolean) =>
    o.batchSize ?? (!embedded ? 10_000 : fast ? EMBEDDED_FAST_BATCH : EMBEDDED_SAFE_BATCH);
  if (o.batchSize !== undefined && (!Number.isInteger(o.batchSize) || o.batchSize < 1))
    throw invalidArgument('batchSize', 'a whole number of at least 1');
  if (o.files.length === 0) throw invalidArgument('files', 'name at least one file to import');
  const mappingLabel = o.label ?? `${o.mapping.mapping.name} sha256:${o.mapping.sha256}`;
  const files = await plan(o.files);
  const before = o.force ? new Map<string, string>() : await loadedBefore(store, files);
  const toLoad = files.filter((f) => !before.has(f.sha256));

  let run: RunRecord | undefined;
  let resumed = false;
  if (toLoad.length > 0 && !o.dryRun) {
    const found = resumable(
      await listRuns(store),
      mappingLabel,
      new Set(files.map((f) => f.sha256)),
      new Set(toLoad.map((f) => f.sha256)),
    );
    resumed = found !== undefined;
    run = found
      ? { ...found, status: 'running', finishedAt: undefined }
      : {
          name: newRunName(now()),
          mapping: mappingLabel,
          files: toLoad.map((f) => f.sha256),
          status: 'running',
          startedAt: now().toISOString(),
          loadedBy: o.loadedBy,
          rows: 0,
          rejected: 0,
        };
    await store.write({ entities: [runWrite(run)], links: [] });
  }
  emit({
    type: 'start',
    ...(run && { run: run.name }),
    resumed,
    files: toLoad.length,
    bytes: toLoad.reduce((n, f) => n + f.bytes, 0),
  });

  const outcomes: FileOutcome[] = [];
  for (const f of files) {
    const note = before.get(f.sha256);
    if (note !== undefined)
      outcomes.push({
        name: f.name,
        sha256: f.sha256,
        status: 'already loaded',
        rows: 0,
        rejected: 0,
        flagged: 0,
        note,
      });
  }
  let entities = zeroCounts();
  let links = zeroCounts();
  const writer = o.dryRun ? new DryRunWriter(store) : store;
  const written = new WrittenIds();
  for (const f of toLoad) {
    if (o.signal?.aborted) break;
    emit({ type: 'file', name: f.name, sha256: f.sha256, bytes: f.bytes });
    const mapping = f.mapping ?? o.mapping;
    // --fast: one bulk load session a file (the embedded engine holds its links back until the end).
    const fast = fastFor(f);
    const bulkLoad = fast && !o.dryRun ? store.bulkLoad?.() : undefined;
    const result = await loadFile(
      { ...f, mapping },
      {
        writer,
        batchSize: batchSizeFor(fast),
        emit,
        signal: o.signal,
        written,
        mapOnWorker: o.mapOnWorker ?? f.bytes >= MAP_ON_WORKER_BYTES,
        ...(bulkLoad && { bulkLoad }),
      },
    );
    const { entities: e, links: l, ...read } = result;
    const outcome: FileOutcome = { ...read, ...(bulkLoad && { bulk: true }) };
    if (run && outcome.status === 'loaded') {
      run = { ...run, rows: run.rows + outcome.rows, rejected: run.rejected + outcome.rejected };
      const stamp = { loadedAt: now().toISOString(), loadedBy: o.loadedBy, importRun: run.name };
      const properties = {
        sha256: f.sha256,
        name: f.name,
        basis: mapping.mapping.basis,
        ...(o.title !== undefined && { title: o.title }),
        ...stamp,
      };
      const sourceFile = prepareEntity({ kind: 'SourceFile', properties }, { sha256: f.sha256, locator: 'file' }).write;
      // The file's mark and the run's counters land together (one transaction); they are records, not
      // facts of the case, so the summary's counts leave them out.
      await store.write({ entities: [sourceFile, runWrite(run)], links: [] });
    }
    entities = addCounts(entities, e);
    links = addCounts(links, l);
    outcomes.push(outcome);
    emit({ type: 'file-done', outcome });
  }
  const interrupted = o.signal?.aborted === true || outcomes.some((x) => x.status === 'interrupted');
  if (run && !interrupted) {
    const failed = outcomes.some((x) => x.status === 'failed');
    run = { ...run, status: failed ? 'failed' : 'complete', finishedAt: now().toISOString() };
    await store.write({ entities: [runWrite(run)], links: [] });
  }
  return {
    ...(run && { run: run.name }),
    resumed,
    dryRun: o.dryRun === true,
    mapping: mappingLabel,
    files: outcomes,
    rows: outcomes.reduce((n, x) => n + x.rows, 0),
    entities,
    links,
    rejected: outcomes.reduce((n, x) => n + x.rejected, 0),
    flagged: outcomes.reduce((n, x) => n + x.flagged, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
