/**
 * One scale of the benchmark, start to end in this process: generate a case, load it into a fresh
 * embedded store through the case-bundle loader, pick seeds, time every operation through the store and
 * directly on the engine. `main.ts` runs each scale in its own child process, so that the peak RSS the
 * kernel reports is that scale's alone.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { allKuzuStatements, kuzuStatements } from '@ringtrace/cypher/kuzu/index.js';
import { generateCase } from '@ringtrace/seed';
import { investigationKinds, model } from '@ringtrace/server/domain/model/index.js';
import { loadCaseBundle, type LoadResult } from '@ringtrace/server/ingest/case-bundle/index.js';
import { createKuzuStore } from '@ringtrace/server/store/kuzu/index.js';
import type { GraphStore } from '@ringtrace/server/store/port.js';
import { apiOperations } from './api-operations.js';
import { startApi } from './api-server.js';
import { DirectPool, kuzuModule } from './engine.js';
import { measure, type OperationResult } from './measure.js';
import { measureApi, type ApiOperationResult } from './measure-api.js';
import { operations } from './operations.js';
import { pickSeeds, type Picks } from './pick-seeds.js';
import { maxRssMb, RssSampler } from './rss.js';
import { StatementTracer } from './trace.js';

export interface ScaleOptions {
  readonly scale: number;
  readonly seed: number;
  readonly warmup: number;
  readonly runs: number;
  /** Buffer pool of the store, MiB (the server's default RINGTRACE_BUFFER_POOL_MB is 1024). */
  readonly poolMb: number;
  /** Reader connections of the store, and connections of the direct side. */
  readonly readConnections: number;
  /** Facts per store write during the load (the loader's default when absent, as `ringtrace seed`). */
  readonly batchSize?: number;
  readonly typical: number;
  readonly hubs: number;
  readonly pathEnds: number;
  /** Keep the generated case and the database (printed) instead of removing them. */
  readonly keep: boolean;
  /**
   * Keep the case and the database in `<dataDir>/<scale>-seed<seed>/` and, when a completed load is
   * recorded there, reuse them (generation and load skipped; their figures are the recorded ones).
   */
  readonly dataDir?: string;
  /** Time only the operations whose name contains one of these. */
  readonly only?: readonly string[];
  readonly onLoadProgress?: (progress: string) => void;
  /** Called with the figures so far when the load has ended (so a crash later still reports them). */
  readonly onLoaded?: (result: ScaleResult) => void;
  readonly log?: (line: string) => void;
}

export interface LoadFigures {
  readonly completed: boolean;
  readonly ms: number;
  /** CSV rows read (entity and link rows). */
  readonly rows: number;
  readonly rowsPerSecond: number;
  readonly maxRssMb: number;
  readonly sampledRssPeakMb: number;
  /** Where the load was when it stopped (file and row), when it did not complete. */
  readonly progress?: string;
  readonly error?: string;
  readonly facts?: Pick<LoadResult, 'entities' | 'links'>;
  readonly rejects?: number;
}

export interface ScaleResult {
  readonly scale: number;
  readonly seed: number;
  readonly env: { readonly node: string; readonly kuzu: string; readonly cpus: number; readonly poolMb: number };
  readonly generated: { readonly entities: number; readonly links: number; readonly ms: number };
  readonly load: LoadFigures;
  readonly dir?: string;
  /** The case and database were loaded by an earlier run (`--data`); generated and load are its figures. */
  readonly reused?: boolean;
  /** Why the run stopped before the end (the child process died or ran out of time). */
  readonly error?: string;
  readonly picks?: Picks;
  readonly queries?: {
    readonly warmup: number;
    readonly runs: number;
    readonly readConnections: number;
    readonly maxRssMb: number;
    readonly sampledRssPeakMb: number;
    readonly operations: OperationResult[];
  };
  /** The API through HTTP beside the store call for the same work (issue 3). */
  readonly api?: {
    readonly warmup: number;
    readonly runs: number;
    readonly operations: ApiOperationResult[];
  };
}

/** Every statement text the cypher builders make for reads (the catalog, and paths at every bound). */
function builderTexts(): Set<string> {
  const texts = new Set(allKuzuStatements(model).map((e) => e.statement.text));
  const st = kuzuStatements(model);
  const kinds = investigationKinds().map((k) => k.name);
  for (const from of kinds)
    for (const to of kinds)
      for (let hops = 1; hops <= 10; hops++) {
        texts.add(st.shortestPaths(from, to, hops).text);
        texts.add(st.countShortestPaths(from, to, hops).text);
      }
  return texts;
}

async function load(store: GraphStore, dir: string, o: ScaleOptions): Promise<LoadFigures> {
  let done = 0;
  let file = '';
  let rows = 0;
  const where = () => `${file} row ${rows} (${done + rows} rows in all)`;
  const sampler = new RssSampler();
  const started = performance.now();
  try {
    const result = await loadCaseBundle(store, dir, {
      loadedBy: 'bench',
      ...(o.batchSize !== undefined && { batchSize: o.batchSize }),
      onProgress: (p) => {
        if (p.file !== file) done += rows;
        file = p.file;
        rows = p.rows;
        o.onLoadProgress?.(where());
      },
    });
    const ms = performance.now() - started;
    const read = result.files.reduce((n, f) => n + f.rows, 0);
    return {
      completed: true,
      ms,
      rows: read,
      rowsPerSecond: read / (ms / 1000),
      maxRssMb: maxRssMb(),
      sampledRssPeakMb: sampler.stop(),
      facts: { entities: result.entities, links: result.links },
      rejects: result.rejects.length + result.rejectsOmitted,
    };
  } catch (error) {
    const ms = performance.now() - started;
    return {
      completed: false,
      ms,
      rows: done + rows,
      rowsPerSecond: (done + rows) / (ms / 1000),
      maxRssMb: maxRssMb(),
      sampledRssPeakMb: sampler.stop(),
      progress: where(),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The figures of a completed load recorded in a `--data` directory, if any. */
async function recorded(work: string): Promise<Pick<ScaleResult, 'generated' | 'load'> | undefined> {
  try {
    return JSON.parse(await readFile(join(work, LOADED), 'utf8')) as Pick<ScaleResult, 'generated' | 'load'>;
  } catch {
    return undefined;
  }
}

const LOADED = 'loaded.json';

async function workDir(o: ScaleOptions): Promise<string> {
  if (o.dataDir === undefined) return mkdtemp(join(tmpdir(), `ringtrace-bench-${o.scale}-`));
  const dir = join(o.dataDir, `${o.scale}-seed${o.seed}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function runScale(o: ScaleOptions): Promise<ScaleResult> {
  const log = o.log ?? (() => undefined);
  const work = await workDir(o);
  const caseDir = join(work, 'case');
  const dbPath = join(work, 'graph.kuzu');
  const previous = o.dataDir === undefined ? undefined : await recorded(work);
  if (o.dataDir !== undefined && !previous) {
    // A load that did not complete leaves a partial case or database: start again from nothing.
    await rm(caseDir, { recursive: true, force: true });
    for (const f of ['graph.kuzu', 'graph.kuzu.wal']) await rm(join(work, f), { force: true });
  }
  // Before the store prepares anything, so every statement's text is known to the tracer.
  const tracer = new StatementTracer(kuzuModule().Connection);
  const store = createKuzuStore({
    path: dbPath,
    bufferPoolBytes: o.poolMb * 1024 * 1024,
    readConnections: o.readConnections,
  });
  let pool: DirectPool | undefined;
  try {
    let started = performance.now();
    let generated = previous?.generated;
    if (!generated) {
      log(`generating ${o.scale} relationships (seed ${o.seed}) in ${caseDir}`);
      const g = await generateCase({ scale: o.scale, seed: o.seed, outDir: caseDir });
      generated = { entities: g.entities, links: g.links, ms: performance.now() - started };
    }
    await store.init();
    let loaded = previous?.load;
    if (loaded) log(`reusing the case and database in ${work}`);
    else {
      log(`loading into ${dbPath}`);
      loaded = await load(store, caseDir, o);
      if (o.dataDir !== undefined && loaded.completed)
        await writeFile(join(work, LOADED), `${JSON.stringify({ generated, load: loaded }, null, 2)}\n`);
    }
    const base = {
      scale: o.scale,
      seed: o.seed,
      env: { node: process.version, kuzu: store.info.version, cpus: cpus().length, poolMb: o.poolMb },
      generated,
      load: loaded,
      ...((o.keep || o.dataDir !== undefined) && { dir: work }),
      ...(previous && { reused: true }),
    };
    o.onLoaded?.(base);
    if (!loaded.completed) return base;

    pool = await DirectPool.open(dbPath, o.readConnections, 30_000);
    const picks = await pickSeeds(pool, { seed: o.seed, typical: o.typical, hubs: o.hubs, pathEnds: o.pathEnds });
    const sampler = new RssSampler();
    const texts = builderTexts();
    const results: OperationResult[] = [];
    const wanted = (name: string) => !o.only || o.only.some((w) => name.includes(w));
    for (const op of operations(picks).filter((x) => wanted(x.name))) {
      log(`timing ${op.name} (${op.cases.length} seeds)`);
      started = performance.now();
      results.push(await measure(op, { store, pool, tracer, builderTexts: texts, warmup: o.warmup, runs: o.runs }));
      log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const client = await startApi(store);
    const api: ApiOperationResult[] = [];
    try {
      for (const op of apiOperations(picks).filter((x) => wanted(x.name))) {
        log(`timing API ${op.name} (${op.cases.length} seeds) at ${client.url}`);
        started = performance.now();
        api.push(await measureApi(op, { client, store, warmup: o.warmup, runs: o.runs }));
        log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    } finally {
      await client.close();
    }
    return {
      ...base,
      picks,
      api: { warmup: o.warmup, runs: o.runs, operations: api },
      queries: {
        warmup: o.warmup,
        runs: o.runs,
        readConnections: o.readConnections,
        maxRssMb: maxRssMb(),
        sampledRssPeakMb: sampler.stop(),
        operations: results,
      },
    };
  } finally {
    await pool?.close();
    tracer.uninstall();
    await store.close();
    if (!o.keep && o.dataDir === undefined) await rm(work, { recursive: true, force: true });
  }
}
