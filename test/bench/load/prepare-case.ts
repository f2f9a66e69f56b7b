/**
 * The load benchmark's case: generated and loaded as `pnpm bench` does for its scales (seeded generator,
 * case-bundle loader, a fresh embedded store), in a child process (prepare-child.ts). With `--data DIR`
 * it lives in `DIR/<scale>-seed<seed>/` and is reused by the next run, by this section and the scales alike.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkTs } from './fork-ts.js';
import type { PrepareMessage } from './prepare-child.js';
import type { Prepared, PrepareOptions } from './prepare.js';

export interface CaseOptions {
  readonly scale: number;
  readonly seed: number;
  readonly poolMb: number;
  /** The `--data` cache directory; absent: a temporary directory (the caller removes `dir`). */
  readonly dataDir?: string;
  readonly log: (line: string) => void;
}

export async function caseDirectory(o: Pick<CaseOptions, 'scale' | 'seed' | 'dataDir'>): Promise<string> {
  if (o.dataDir === undefined) return mkdtemp(join(tmpdir(), `ringtrace-bench-load-${o.scale}-`));
  const dir = join(o.dataDir, `${o.scale}-seed${o.seed}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Generates and loads the case into `dir` unless it is there already, and picks what the clients ask. */
export function prepareCase(dir: string, o: CaseOptions): Promise<Prepared> {
  const options: PrepareOptions = { scale: o.scale, seed: o.seed, dir, poolMb: o.poolMb };
  const child = forkTs(fileURLToPath(new URL('./prepare-child.ts', import.meta.url)), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let answer: Prepared | undefined;
    let failure: string | undefined;
    child.on('message', (m: PrepareMessage) => {
      if (m.type === 'log') o.log(m.line);
      else if (m.type === 'done') answer = m.prepared;
      else failure = m.error;
    });
    child.on('exit', (code, signal) => {
      if (answer) resolve(answer);
      else reject(new Error(`preparing the case failed: ${failure ?? `child exited (${signal ?? `code ${code}`})`}`));
    });
  });
}
