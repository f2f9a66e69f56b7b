import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { invalidArgument, isDomainError } from '../../domain/errors.js';
import type { PrepareContext } from '../../domain/facts/prepare-entity.js';
import { normaliseDateTime } from '../../domain/normalise/datetime.js';
import { normalisePhone } from '../../domain/normalise/phone.js';
import type { GraphStore, WriteCounts } from '../../store/port.js';
import { Batcher } from './batch.js';
import { listBundleFiles, type BundleFile } from './bundle-files.js';
import { csvRecords, CsvSyntaxError } from './csv-records.js';
import { entityColumns, isHeaderProblem, linkColumns } from './file-columns.js';
import { Issues, type FileFlag, type Reject } from './issues.js';
import { readManifest, type BundleManifest } from './manifest.js';
import { loadEntityRow, loadLinkRow, type RowContext } from './rows.js';
import { hashFile, sourceFileWrites, type LoadStamp } from './source-files.js';

export interface LoadOptions {
  /** Who loads (a user or a tool), stored on the SourceFile entities. */
  readonly loadedBy: string;
  /** Name of this import run; default `<bundle name>@<load time>`. */
  readonly importRun?: string;
  /** Facts per store write (one transaction each); default 10,000. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: { file: string; rows: number }) => void;
  /** Most flags and rejects kept in the result (each); the rest are only counted. Default 100,000. */
  readonly maxIssues?: number;
}

export interface FileSummary {
  readonly path: string;
  readonly sha256: string;
  /** Data rows read (the header not counted). */
  readonly rows: number;
  readonly rejected: number;
}

export interface LoadResult {
  readonly entities: WriteCounts;
  readonly links: WriteCounts;
  readonly flags: FileFlag[];
  readonly rejects: Reject[];
  readonly flagsOmitted: number;
  readonly rejectsOmitted: number;
  readonly files: FileSummary[];
}

const PROGRESS_EVERY = 5000;

/**
 * Loads a case bundle (seed/README.md) into a store: every CSV row checked against the model and
 * normalised, provenance on every fact, bad rows rejected with file, line and column while the rest
 * loads. Entities first, then links; writes in batches through the store port only. Idempotent:
 * loading the same bundle again leaves every fact unchanged.
 */
export async function loadCaseBundle(store: GraphStore, dir: string, options: LoadOptions): Promise<LoadResult> {
  const manifest = await readManifest(dir);
  const prepare = checkedContext(manifest);
  const loadedAt = new Date().toISOString();
  const stamp: LoadStamp = {
    loadedAt,
    loadedBy: options.loadedBy,
    importRun: options.importRun ?? `${manifest.name}@${loadedAt}`,
  };
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalidArgument('batchSize', 'a whole number of at least 1');

  const issues = new Issues(options.maxIssues ?? 100_000);
  const known = new Set<string>();
  const batcher = new Batcher(store, known, issues);
  const declared = new Map(manifest.sources.map((s) => [s.key, s.sha256]));
  const summaries: FileSummary[] = [];
  const ends: RowContext['ends'] = new Map();

  for (const write of await sourceFileWrites(store, manifest.sources, stamp)) {
    batcher.addEntity(write, { file: 'bundle.json', line: 1 });
    known.add(write.id);
  }
  for (const file of await listBundleFiles(dir)) {
    const sha256 = await hashFile(join(dir, file.path));
    const meta = manifest.files[file.path];
    const [sourceFile] = await sourceFileWrites(
      store,
      [{ sha256, name: `${manifest.name}/${file.path}`, title: meta?.title, basis: meta?.basis ?? manifest.basis }],
      stamp,
    );
    batcher.addEntity(sourceFile!, { file: file.path, line: 1 });
    known.add(sourceFile!.id);
    const ctx: RowContext = { file: file.path, sha256, declared, prepare, known, batcher, issues, ends };
    const rows = await loadFile(join(dir, file.path), file, ctx, batchSize, options.onProgress);
    summaries.push({ path: file.path, sha256, rows, rejected: issues.rejectedIn(file.path) });
  }
  await batcher.flush();
  return {
    entities: batcher.entities,
    links: batcher.links,
    flags: issues.flags,
    rejects: issues.rejects,
    flagsOmitted: issues.flagsOmitted,
    rejectsOmitted: issues.rejectsOmitted,
    files: summaries,
  };
}

/** Streams one CSV file through the row loaders; returns the number of data rows read. */
async function loadFile(
  path: string,
  file: BundleFile,
  ctx: RowContext,
  batchSize: number,
  onProgress: LoadOptions['onProgress'],
): Promise<number> {
  let rows = 0;
  let loadRow: ((record: { line: number; cells: string[] }) => void) | undefined;
  try {
    for await (const record of csvRecords(createReadStream(path))) {
      if (!loadRow) {
        const columns =
          file.role === 'entities' ? entityColumns(file.name, record.cells) : linkColumns(file.name, record.cells);
        if (isHeaderProblem(columns)) {
          ctx.issues.reject({ file: file.path, line: record.line }, `file skipped: ${columns.reason}`, columns.field);
          return rows;
        }
        loadRow = 'kind' in columns ? (r) => loadEntityRow(columns, r, ctx) : (r) => loadLinkRow(columns, r, ctx);
        continue;
      }
      loadRow(record);
      rows++;
      if (ctx.batcher.size >= batchSize) await ctx.batcher.flush();
      if (rows % PROGRESS_EVERY === 0) onProgress?.({ file: file.path, rows });
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    ctx.issues.reject({ file: file.path, line: e.line }, `rest of the file skipped: ${e.message}`);
  }
  if (!loadRow) ctx.issues.reject({ file: file.path, line: 1 }, 'file skipped: no header row');
  onProgress?.({ file: file.path, rows });
  return rows;
}

/** The manifest's reading context, refused at once if the normalisers cannot use it (not once per row). */
function checkedContext(manifest: BundleManifest): PrepareContext {
  const { defaultRegion, timeZone } = manifest.context;
  try {
    if (defaultRegion !== undefined) normalisePhone('+74951234567', defaultRegion);
    if (timeZone !== undefined) normaliseDateTime('2024-01-01 00:00', { timeZone });
  } catch (e) {
    throw isDomainError(e) ? invalidArgument('bundle', `bundle.json context: ${e.message}`) : e;
  }
  return { ...(defaultRegion !== undefined && { defaultRegion }), ...(timeZone !== undefined && { timeZone }) };
}
