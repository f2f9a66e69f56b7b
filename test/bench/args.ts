/** Command-line flags of `pnpm bench` (`pnpm bench -- --help`). */
import { parseArgs } from 'node:util';
import { CANVAS_OPTIONS, CANVAS_USAGE, canvasArgs, type CanvasArgs } from './canvas/args.js';
import { LOAD_OPTIONS, LOAD_USAGE, loadArgs, type LoadArgs } from './load/args.js';

export interface BenchArgs {
  readonly scales: number[];
  readonly seed: number;
  readonly warmup: number;
  readonly runs: number;
  readonly poolMb: number;
  readonly readConnections: number;
  readonly batchSize?: number;
  readonly typical: number;
  readonly hubs: number;
  readonly pathEnds: number;
  readonly keep: boolean;
  /** Time only the operations whose name contains one of these (store and API alike); all when absent. */
  readonly only?: string[];
  /** Keep each scale's case and database here and reuse them on the next run (no generation, no load). */
  readonly data?: string;
  /** Stop a scale whose run takes longer (its child process is killed and the table says how far it got). */
  readonly timeoutMin: number;
  readonly out: string;
  readonly help: boolean;
  /** The canvas section (canvas/args.ts). */
  readonly canvas: CanvasArgs;
  /** The load section (load/args.ts). */
  readonly load: LoadArgs;
}

export const USAGE = `pnpm bench [-- options]

  --scales 1e5,1e6    relationships per generated case (default 1e5,1e6)
  --seed N            generator and sampling seed (default 42)
  --runs N            timed runs per seed, store and direct each (default 20)
  --warmup N          untimed runs per seed before timing (default 3)
  --typical N         typical seed entities (default 5)
  --hubs N            hub seed entities (default 3)
  --path-ends N       victims and call centres as path starts (default 3 each)
  --pool-mb N         the store's buffer pool (default 1024, as RINGTRACE_BUFFER_POOL_MB)
  --connections N     the store's reader connections and the direct side's (default 4, the store's default)
  --batch-size N      facts per store write while loading (default: the loader's, as ringtrace seed)
  --timeout-min N     give up on a scale after N minutes (default 90)
  --out DIR           results directory (default bench-results/ at the repository root)
  --keep              keep the generated cases and databases
  --only A,B          time only the operations whose name contains A or B (e.g. "2-hop,paths"); "canvas" or
                      "import" or "load" alone runs only that section (without --only: all of them)
  --data DIR          keep each scale's case and database in DIR and reuse them when already loaded
                      (the load figures shown are then those of the run that loaded them)
${CANVAS_USAGE}
${LOAD_USAGE}`;

function count(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be a whole number >= ${min}, got ${raw}`);
  return v;
}

export function parseBenchArgs(argv: readonly string[], defaultOut: string): BenchArgs {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      scales: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      typical: { type: 'string' },
      hubs: { type: 'string' },
      'path-ends': { type: 'string' },
      'pool-mb': { type: 'string' },
      connections: { type: 'string' },
      'batch-size': { type: 'string' },
      'timeout-min': { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...CANVAS_OPTIONS,
      ...LOAD_OPTIONS,
    },
  });
  const scales = (values.scales ?? '1e5,1e6').split(',').map((s) => {
    const v = Number(s.trim());
    if (!Number.isInteger(v) || v < 1e3) throw new Error(`--scales takes numbers like 1e5, got ${s}`);
    return v;
  });
  const batch = values['batch-size'];
  return {
    scales,
    seed: count('seed', values.seed, 42, 0),
    runs: count('runs', values.runs, 20),
    warmup: count('warmup', values.warmup, 3),
    typical: count('typical', values.typical, 5),
    hubs: count('hubs', values.hubs, 3),
    pathEnds: count('path-ends', values['path-ends'], 3),
    poolMb: count('pool-mb', values['pool-mb'], 1024, 64),
    readConnections: count('connections', values.connections, 4),
    ...(batch !== undefined && { batchSize: count('batch-size', batch, 1) }),
    timeoutMin: count('timeout-min', values['timeout-min'], 90),
    keep: values.keep,
    ...(values.data !== undefined && { data: values.data }),
    ...(values.only !== undefined && { only: values.only.split(',').map((o) => o.trim()) }),
    out: values.out ?? defaultOut,
    help: values.help,
    canvas: canvasArgs(values),
    load: loadArgs(values),
  };
}
