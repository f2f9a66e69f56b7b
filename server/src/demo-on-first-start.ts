import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { loadCaseBundle } from './ingest/case-bundle/index.js';
import type { GraphStore } from './store/port.js';

export interface DemoOptions {
  readonly store: GraphStore;
  readonly dataDir: string;
  readonly demoDir: string;
  readonly logger: Logger;
}

/**
 * Loads the demo case into an empty embedded database, so a fresh clone shows something at once.
 * A marker file covers a load that was interrupted: the next start resumes it (the loader is idempotent)
 * instead of mistaking a half-loaded database for the user's own data.
 */
export async function loadDemoOnFirstStart({ store, dataDir, demoDir, logger }: DemoOptions): Promise<boolean> {
  const marker = join(dataDir, 'demo-loading');
  const counts = await store.countByKind();
  const empty = Object.values(counts).every((n) => n === 0);
  const resuming = existsSync(marker);
  if (!empty && !resuming) return false;

  logger.info(
    { demoDir },
    resuming ? 'resuming the interrupted demo case load' : 'empty database: loading the demo case',
  );
  await writeFile(marker, `${new Date().toISOString()}\n`);
  const started = performance.now();
  let lastLog = 0;
  const result = await loadCaseBundle(store, demoDir, {
    loadedBy: 'ringtrace first start',
    onProgress: ({ file, rows }) => {
      if (performance.now() - lastLog < 1000) return;
      lastLog = performance.now();
      logger.info({ file, rows }, 'loading the demo case');
    },
  });
  await rm(marker, { force: true });
  const { entities, links, files } = result;
  const rejected = result.rejects.length + result.rejectsOmitted;
  const flagged = result.flags.length + result.flagsOmitted;
  const ms = Math.round(performance.now() - started);
  logger.info({ files: files.length, entities, links, rejected, flagged, ms }, 'demo case loaded');
  return true;
}
