/**
 * `pnpm bench`: for each scale, a child process generates a case, loads it into a fresh embedded store and
 * times the store's expand and shortest paths beside the same statements run directly on the engine
 * (run-scale.ts). Then the canvas in headless chromium (canvas/), the importer (import-*.ts) and the
 * server under load (load/). Prints a table per scale and each section, and writes every figure to
 * bench-results/ as JSON.
 */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, USAGE, type BenchArgs } from './args.js';
import { wantsCanvas, wantsImport, wantsScales } from './canvas/args.js';
import { canvasSection } from './canvas/section.js';
import { formatImportBench, runImportBench } from './import-bench.js';
import { wantsLoad } from './load/args.js';
import { loadSection } from './load/section.js';
import { formatScale } from './report.js';
import type { ScaleOptions, ScaleResult } from './run-scale.js';
import type { ChildMessage } from './scale-child.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const dataDir = (a: BenchArgs) =>
  a.data === undefined ? undefined : resolve(process.env['INIT_CWD'] ?? process.cwd(), a.data);

function scaleOptions(scale: number, a: BenchArgs): ScaleOptions {
  return {
    scale,
    seed: a.seed,
    warmup: a.warmup,
    runs: a.runs,
    poolMb: a.poolMb,
    readConnections: a.readConnections,
    ...(a.batchSize !== undefined && { batchSize: a.batchSize }),
    typical: a.typical,
    hubs: a.hubs,
    pathEnds: a.pathEnds,
    keep: a.keep,
    ...(a.only !== undefined && { only: a.only }),
    ...(a.data !== undefined && { dataDir: dataDir(a) }),
  };
}

/** Runs one scale in a child process (its own peak RSS); a crash or a timeout still reports how far it got. */
function runChild(options: ScaleOptions, timeoutMin: number): Promise<ScaleResult> {
  const child = fork(fileURLToPath(new URL('./scale-child.ts', import.meta.url)), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const started = performance.now();
  let progress: string | undefined;
  let loaded: ScaleResult | undefined;
  let result: ScaleResult | undefined;
  let timedOut = false;
  let shown = 0;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMin * 60_000);
  child.on('message', (m: ChildMessage) => {
    if (m.type === 'progress') {
      progress = m.progress;
      // Every second on a terminal (one line rewritten), every 30 s into a log.
      if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K  [${options.scale}] loading: ${m.progress}`);
      else if (performance.now() - shown > 30_000) {
        shown = performance.now();
        process.stderr.write(`  [${options.scale}] loading: ${m.progress}\n`);
      }
    } else if (m.type === 'log')
      process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}  [${options.scale}] ${m.line}\n`);
    else if (m.type === 'loaded') loaded = m.result;
    else result = m.result;
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) return resolve(result);
      const why = timedOut
        ? `stopped after the ${timeoutMin} min timeout`
        : `child process exited (${signal ?? `code ${code}`})`;
      const ms = performance.now() - started;
      resolve(
        loaded
          ? { ...loaded, error: `${why} while timing queries` }
          : {
              scale: options.scale,
              seed: options.seed,
              env: { node: process.version, kuzu: 'unknown', cpus: cpus().length, poolMb: options.poolMb },
              generated: { entities: 0, links: 0, ms: 0 },
              load: {
                completed: false,
                ms,
                rows: 0,
                rowsPerSecond: 0,
                maxRssMb: 0,
                sampledRssPeakMb: 0,
                ...(progress !== undefined && { progress }),
                error: `${why} (generation and load took ${(ms / 1000).toFixed(0)} s in all)`,
              },
              error: why,
            },
      );
    });
  });
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2), join(root, 'bench-results'));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const results: ScaleResult[] = [];
  for (const scale of wantsScales(args.only) ? args.scales : []) {
    const result = await runChild(scaleOptions(scale, args), args.timeoutMin);
    results.push(result);
    process.stdout.write(`\n${formatScale(result)}\n`);
    if (result.error) process.stdout.write(`stopped: ${result.error}\n`);
  }
  await mkdir(args.out, { recursive: true });
  const canvas = wantsCanvas(args.only) ? await canvasSection(args.canvas, args.seed, args.out) : undefined;
  if (canvas) process.stdout.write(`\n${canvas.text}\n`);
  // The importer at the same scales, as rows (--no-fast measured up to 1e5 only: slow beyond).
  const imports = wantsImport(args.only)
    ? await runImportBench({ sizes: args.scales, safeMax: 1e5, poolMb: args.poolMb, out: args.out })
    : undefined;
  if (imports) process.stdout.write(`\n${formatImportBench(imports)}\n`);
  // The server under load (issue 7): its own child processes, after the others so they do not share the cores.
  const data = dataDir(args);
  const load = wantsLoad(args.only)
    ? await loadSection(args.load, {
        seed: args.seed,
        poolMb: args.poolMb,
        ...(data !== undefined && { dataDir: data }),
      })
    : undefined;
  if (load) process.stdout.write(`\n${load.text}\n`);
  const file = join(args.out, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ args, results, canvas: canvas?.result, imports, load: load?.result }, null, 2)}\n`,
  );
  process.stdout.write(`\nresults: ${file}\n`);
  if (results.some((r) => r.error || !r.load.completed) || canvas?.error || load?.error) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
