/**
 * Times one operation through the store and the same statements directly on the engine, in the same run.
 * Per case: warm-up runs through the store, each traced (the statements it sent, with their parameters);
 * warm-up of the replay; then `runs` timed pairs, store and direct alternating which goes first so that
 * caches and noise favour neither. The direct side runs each traced wave's statements in parallel on as
 * many connections as the store reads on, fetching rows with getAllSync and mapping nothing.
 */
import type { GraphStore } from '@ringtrace/server/store/port.js';
import type { DirectPool } from './engine.js';
import type { Operation } from './operations.js';
import { summarise, type Summary } from './stats.js';
import { statementsIn, type StatementTracer, type Trace } from './trace.js';

export interface MeasureContext {
  readonly store: GraphStore;
  readonly pool: DirectPool;
  readonly tracer: StatementTracer;
  /** Texts the cypher builders make: every traced statement must be one of them. */
  readonly builderTexts: ReadonlySet<string>;
  readonly warmup: number;
  readonly runs: number;
}

export interface CaseResult {
  readonly label: string;
  readonly answer: string;
  readonly statements: number;
  readonly waves: number;
  readonly rows: number;
  /** Direct time of each wave in the last warm-up replay (which step of the query the engine spends on). */
  readonly waveMs: number[];
  /** Statements sent that no cypher builder makes (should be none). */
  readonly foreign: string[];
}

export interface OperationResult {
  readonly name: string;
  readonly depth?: number;
  readonly cases: CaseResult[];
  readonly store: Summary;
  readonly direct: Summary;
  /** store / direct, at p50 and at p95. */
  readonly ratio: { readonly p50: number; readonly p95: number };
  readonly samples: { readonly store: number[]; readonly direct: number[] };
}

/** The traced statements, wave after wave; returns the number of rows the engine gave. */
export async function replay(pool: DirectPool, trace: Trace): Promise<number> {
  let rows = 0;
  for (const wave of trace) {
    const results = await Promise.all(wave.map((call) => pool.run(call.text, call.params)));
    for (const r of results) rows += r.length;
  }
  return rows;
}

/** As replay, timing each wave (untimed warm-up only, so the timed replay stays bare). */
async function replayByWave(pool: DirectPool, trace: Trace): Promise<{ rows: number; waveMs: number[] }> {
  let rows = 0;
  const waveMs: number[] = [];
  for (const wave of trace) {
    const started = performance.now();
    const results = await Promise.all(wave.map((call) => pool.run(call.text, call.params)));
    waveMs.push(performance.now() - started);
    for (const r of results) rows += r.length;
  }
  return { rows, waveMs };
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function measure(op: Operation, ctx: MeasureContext): Promise<OperationResult> {
  const storeSamples: number[] = [];
  const directSamples: number[] = [];
  const cases: CaseResult[] = [];
  for (const c of op.cases) {
    let answer: unknown;
    const traces: Trace[] = [];
    for (let i = 0; i < Math.max(1, ctx.warmup); i++) {
      traces.push(await ctx.tracer.trace(async () => (answer = await c.run(ctx.store))));
    }
    // A statement a reader had not prepared yet can split a wave; the fewest waves is the store's real order.
    const trace = traces.reduce((a, b) => (b.length < a.length ? b : a));
    let warm = { rows: 0, waveMs: [] as number[] };
    for (let i = 0; i < Math.max(1, ctx.warmup); i++) warm = await replayByWave(ctx.pool, trace);
    for (let i = 0; i < ctx.runs; i++) {
      const store = () => timed(() => c.run(ctx.store));
      const direct = () => timed(() => replay(ctx.pool, trace));
      if (i % 2 === 0) {
        storeSamples.push(await store());
        directSamples.push(await direct());
      } else {
        directSamples.push(await direct());
        storeSamples.push(await store());
      }
    }
    const texts = trace.flat().map((call) => call.text);
    cases.push({
      label: c.label,
      answer: c.describe(answer),
      statements: statementsIn(trace),
      waves: trace.length,
      rows: warm.rows,
      waveMs: warm.waveMs.map((ms) => Math.round(ms * 100) / 100),
      foreign: [...new Set(texts.filter((t) => !ctx.builderTexts.has(t)))],
    });
  }
  const store = summarise(storeSamples);
  const direct = summarise(directSamples);
  return {
    name: op.name,
    ...(op.depth !== undefined && { depth: op.depth }),
    cases,
    store,
    direct,
    ratio: { p50: store.p50 / direct.p50, p95: store.p95 / direct.p95 },
    samples: { store: storeSamples, direct: directSamples },
  };
}
