/**
 * The importer's benchmark (issue 6): for each size, a generated call-detail export loaded by the importer
 * beside a raw COPY FROM of the same rows (staged: de-duplicated facts in table order, the engine's floor),
 * each in a child process of its own for its peak RSS; then the same file loaded again. Targets: the
 * importer at >= 50% of raw COPY's rows/s, a re-load >= 10x faster than the first load, memory flat as the
 * file grows (peak RSS at the largest size <= 1.5x the smallest's).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ChildJob, ChildOutcome } from './import-child.js';
import { writeBenchInput } from './import-rows.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

export interface ImportBenchOptions {
  readonly sizes: readonly number[];
  /** Sizes up to which `--no-fast` (batches of 150 facts, no COPY) is measured too; slow beyond 1e5. */
  readonly safeMax: number;
  readonly poolMb: number;
  readonly out?: string;
}

export interface SizeResult {
  readonly rows: number;
  readonly fileMb: number;
  readonly outcomes: ChildOutcome[];
}

/** One measurement; a child that fails is reported as such (with its last line) and the rest go on. */
async function child(job: ChildJob): Promise<ChildOutcome> {
  try {
    const { stdout } = await run(process.execPath, [TSX, CHILD, JSON.stringify(job)], { maxBuffer: 1 << 24 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildOutcome;
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? e);
    // Node prints the throwing source line before the error itself: the message is the line that starts
    // with the error's name (`DomainError: buffer pool is full...`).
    const lines = stderr.split('\n');
    const reason =
      lines.find((l) => /^[A-Z]\w*(Error|Exception)\b[^(]*?: /.test(l)) ??
      lines.find((l) => /Error|exception/.test(l)) ??
      stderr.slice(0, 200);
    return {
      mode: job.mode,
      seconds: NaN,
      rows: 0,
      maxRssMb: NaN,
      sampledPeakMb: NaN,
      detail: { failed: reason.trim() },
    };
  }
}

export async function runImportBench(o: ImportBenchOptions): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const n of o.sizes) {
    const dir = await mkdtemp(join(tmpdir(), `ringtrace-import-bench-${n}-`));
    try {
      process.stderr.write(`  [import ${n}] writing the input and the staged rows\n`);
      const input = await writeBenchInput(dir, n);
      const outcomes: ChildOutcome[] = [];
      const measure = async (mode: ChildJob['mode'], db: string) => {
        process.stderr.write(`  [import ${n}] ${mode}\n`);
        outcomes.push(await child({ mode, db: join(dir, db), input, poolMb: o.poolMb }));
      };
      await measure('raw', 'raw.kuzu');
      await measure('fast', 'fast.kuzu');
      await measure('reload', 'fast.kuzu');
      await measure('force', 'fast.kuzu');
      if (n <= o.safeMax) await measure('safe', 'safe.kuzu');
      results.push({ rows: n, fileMb: input.bytes / (1024 * 1024), outcomes });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (o.out) {
    await mkdir(o.out, { recursive: true });
    const path = join(o.out, `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(path, JSON.stringify({ options: o, results }, null, 2));
  }
  return results;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatImportBench(results: readonly SizeResult[]): string {
  const lines: string[] = ['import (generated call-detail records through the built-in cdr mapping)'];
  lines.push('  rows        mode                      seconds     rows/s   vs raw COPY   peak RSS MiB');
  const verdicts: string[] = [];
  for (const r of results) {
    const by = new Map(r.outcomes.map((x) => [x.mode, x]));
    const rawRate = r.rows / by.get('raw')!.seconds;
    const label: Record<string, string> = {
      raw: 'raw COPY FROM (staged)',
      fast: 'import --fast (COPY)',
      safe: 'import --no-fast (batches of 150)',
      reload: 're-load (already loaded)',
      force: 're-read (--force --fast)',
    };
    for (const x of r.outcomes) {
      if (Number.isNaN(x.seconds)) {
        lines.push(`  ${fmt(r.rows).padEnd(10)}  ${label[x.mode]!.padEnd(24)}  failed: ${String(x.detail['failed'])}`);
        continue;
      }
      const rate = r.rows / x.seconds;
      lines.push(
        `  ${fmt(r.rows).padEnd(10)}  ${label[x.mode]!.padEnd(24)}  ${x.seconds.toFixed(2).padStart(8)}  ${fmt(rate).padStart(9)}  ${(rate / rawRate).toFixed(2).padStart(12)}  ${fmt(x.maxRssMb).padStart(13)}`,
      );
    }
    const fast = by.get('fast')!;
    const ratio = r.rows / fast.seconds / rawRate;
    verdicts.push(
      `  ${fmt(r.rows)}: import --fast at ${(ratio * 100).toFixed(0)}% of raw COPY (target >= 50%): ${ratio >= 0.5 ? 'PASS' : 'MISS'}`,
    );
    const safe = by.get('safe');
    if (safe) {
      const s = r.rows / safe.seconds / rawRate;
      verdicts.push(
        `  ${fmt(r.rows)}: --no-fast import at ${(s * 100).toFixed(0)}% of raw COPY (target >= 50%): ${s >= 0.5 ? 'PASS' : 'MISS'}`,
      );
    }
    const speedup = fast.seconds / by.get('reload')!.seconds;
    verdicts.push(
      `  ${fmt(r.rows)}: re-load ${speedup.toFixed(0)}x faster than the first load (target >= 10x): ${speedup >= 10 ? 'PASS' : 'MISS'}`,
    );
  }
  if (results.length > 1) {
    const first = results[0]!.outcomes.find((x) => x.mode === 'fast')!.maxRssMb;
    const last = results.at(-1)!.outcomes.find((x) => x.mode === 'fast')!.maxRssMb;
    const growth = last / first;
    verdicts.push(
      `  memory: import peak RSS x${growth.toFixed(2)} from ${fmt(results[0]!.rows)} to ${fmt(results.at(-1)!.rows)} rows (target flat, <= 1.5x): ${growth <= 1.5 ? 'PASS' : 'MISS'}`,
    );
    // The engine's own share grows too (its buffer pool fills, its COPY holds more): what the importer adds.
    const over = results.map((r) => {
      const of = (mode: string) => r.outcomes.find((x) => x.mode === mode)!.maxRssMb;
      return `${fmt(of('fast') - of('raw'))} MiB at ${fmt(r.rows)}`;
    });
    verdicts.push(`  memory: import peak RSS above raw COPY's: ${over.join(', ')}`);
  }
  return [...lines, ...verdicts].join('\n');
}
