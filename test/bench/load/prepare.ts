/**
 * Makes sure `<dir>` holds a loaded generated case (`graph.kuzu`, and `loaded.json` with the figures: the
 * layout run-scale.ts keeps under `--data`, so the two share a cache) and the load benchmark's picks
 * (`load-picks.json`). prepare-case.ts runs it in a child process of its own, so the engine's memory and
 * file lock are gone before the server process opens the database.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCase } from '@ringtrace/seed';
import { loadCaseBundle } from '@ringtrace/server/ingest/case-bundle/index.js';
import { createKuzuStore } from '@ringtrace/server/store/kuzu/index.js';
import { DirectPool } from '../engine.js';
import { maxRssMb, RssSampler } from '../rss.js';
import type { LoadFigures, ScaleResult } from '../run-scale.js';
import { pickLoad, type LoadPicks } from './picks.js';

export interface PrepareOptions {
  readonly scale: number;
  readonly seed: number;
  readonly dir: string;
  readonly poolMb: number;
}

export interface Prepared {
  readonly generated: ScaleResult['generated'];
  readonly load: LoadFigures;
  /** The case and database were there already (loaded by an earlier run). */
  readonly reused: boolean;
  readonly picks: LoadPicks;
}

const LOADED = 'loaded.json';
const PICKS = 'load-picks.json';

const readJson = async <T>(file: string): Promise<T | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
};

export async function prepare(o: PrepareOptions, log: (line: string) => void): Promise<Prepared> {
  const previous = await readJson<Pick<ScaleResult, 'generated' | 'load'>>(join(o.dir, LOADED));
  const caseDir = join(o.dir, 'case');
  const dbPath = join(o.dir, 'graph.kuzu');
  if (!previous) {
    // A load that did not complete leaves a partial case or database: start again from nothing.
    await rm(caseDir, { recursive: true, force: true });
    for (const f of ['graph.kuzu', 'graph.kuzu.wal', PICKS]) await rm(join(o.dir, f), { force: true });
  }
  const store = createKuzuStore({ path: dbPath, bufferPoolBytes: o.poolMb * 1024 * 1024 });
  try {
    let generated = previous?.generated;
    let load = previous?.load;
    if (!generated || !load) {
      log(`generating ${o.scale} relationships (seed ${o.seed}) in ${caseDir}`);
      let started = performance.now();
      const g = await generateCase({ scale: o.scale, seed: o.seed, outDir: caseDir });
      generated = { entities: g.entities, links: g.links, ms: performance.now() - started };
      await store.init();
      log(`loading ${g.entities} entities and ${g.links} links into ${dbPath}`);
      const sampler = new RssSampler();
      started = performance.now();
      const result = await loadCaseBundle(store, caseDir, { loadedBy: 'bench' });
      const ms = performance.now() - started;
      const rows = result.files.reduce((n, f) => n + f.rows, 0);
      load = {
        completed: true,
        ms,
        rows,
        rowsPerSecond: rows / (ms / 1000),
        maxRssMb: maxRssMb(),
        sampledRssPeakMb: sampler.stop(),
        facts: { entities: result.entities, links: result.links },
        rejects: result.rejects.length + result.rejectsOmitted,
      };
      await writeFile(join(o.dir, LOADED), `${JSON.stringify({ generated, load }, null, 2)}\n`);
    } else {
      log(`reusing the case and database in ${o.dir}`);
      await store.init();
    }
    let picks = await readJson<LoadPicks>(join(o.dir, PICKS));
    if (!picks) {
      const pool = await DirectPool.open(dbPath, 1, 60_000);
      try {
        picks = await pickLoad(pool, { seed: o.seed, typical: 200, pathEnds: 20, captions: 300 });
      } finally {
        await pool.close();
      }
      await writeFile(join(o.dir, PICKS), `${JSON.stringify(picks)}\n`);
    }
    return { generated, load, reused: previous !== undefined, picks };
  } finally {
    await store.close();
  }
}
