/**
 * One import benchmark measurement in a process of its own (so its peak RSS is its own): `raw` COPYs the
 * staged CSVs into a fresh database with the store's schema; `import` runs the importer on the file
 * (`safe`: the embedded default, no COPY; `fast`: bulk batches with COPY), `reload` loads it again (a no-op),
 * `force` reads it again with --force --fast. Prints one JSON line: seconds, rows, peak RSS.
 */
import { acquireDatabase } from '@ringtrace/server/store/kuzu/database-registry.js';
import { createKuzuStore } from '@ringtrace/server/store/kuzu/index.js';
import { builtinMapping, runImport } from '@ringtrace/server/ingest/import/index.js';
import type { BenchInput } from './import-rows.js';
import { drain, kuzuModule } from './engine.js';
import { maxRssMb, RssSampler } from './rss.js';

export interface ChildJob {
  readonly mode: 'raw' | 'safe' | 'fast' | 'reload' | 'force';
  readonly db: string;
  readonly input: BenchInput;
  readonly poolMb: number;
}

export interface ChildOutcome {
  readonly mode: ChildJob['mode'];
  readonly seconds: number;
  readonly rows: number;
  readonly maxRssMb: number;
  readonly sampledPeakMb: number;
  readonly detail: Record<string, unknown>;
}

async function raw(job: ChildJob): Promise<Omit<ChildOutcome, 'maxRssMb' | 'sampledPeakMb'>> {
  const store = createKuzuStore({ path: job.db, bufferPoolBytes: job.poolMb * 1024 * 1024 });
  await store.init(); // the same tables and full-text indexes the importer loads into
  await store.close();
  const shared = acquireDatabase(job.db, job.poolMb * 1024 * 1024);
  const c = new (kuzuModule().Connection)(shared.database);
  await c.init();
  const started = performance.now();
  const perTable: Record<string, number> = {};
  for (const t of job.input.staged) {
    const t0 = performance.now();
    const ps = await c.prepare(`COPY \`${t.table}\` FROM '${t.path}' (HEADER=false)`);
    if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
    drain(await c.execute(ps));
    perTable[t.table] = Math.round(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  await c.close();
  await shared.release();
  return {
    mode: 'raw',
    seconds,
    rows: job.input.staged.reduce((n, t) => n + t.rows, 0),
    detail: { msPerTable: perTable },
  };
}

async function imported(job: ChildJob) {
  const store = createKuzuStore({ path: job.db, bufferPoolBytes: job.poolMb * 1024 * 1024 });
  await store.init();
  try {
    const started = performance.now();
    const summary = await runImport(store, {
      files: [{ path: job.input.file, name: 'cdr.csv' }],
      mapping: await builtinMapping('cdr'),
      loadedBy: 'bench',
      fast: job.mode === 'fast' || job.mode === 'force',
      force: job.mode === 'force',
    });
    const seconds = (performance.now() - started) / 1000;
    const { entities, links, rejected, files } = summary;
    return {
      mode: job.mode,
      seconds,
      rows: summary.rows,
      detail: { entities, links, rejected, status: files[0]?.status },
    };
  } finally {
    await store.close();
  }
}

const job = JSON.parse(process.argv[2]!) as ChildJob;
const sampler = new RssSampler();
const outcome = job.mode === 'raw' ? await raw(job) : await imported(job);
process.stdout.write(`${JSON.stringify({ ...outcome, maxRssMb: maxRssMb(), sampledPeakMb: sampler.stop() })}\n`);
