/**
 * Times one API operation through HTTP beside the store call for the same work, in the same run: per
 * case, warm-up calls of both, then `runs` timed pairs, alternating which goes first.
 */
import type { GraphStore } from '@ringtrace/server/store/port.js';
import type { ApiOperation } from './api-operations.js';
import type { ApiClient } from './api-server.js';
import { summarise, type Summary } from './stats.js';

export interface ApiMeasureContext {
  readonly client: ApiClient;
  readonly store: GraphStore;
  readonly warmup: number;
  readonly runs: number;
}

export interface ApiOperationResult {
  readonly name: string;
  readonly ring: boolean;
  readonly cases: { readonly label: string; readonly answer: string }[];
  readonly api: Summary;
  readonly store: Summary;
  /** api / store, at p50 and at p95. */
  readonly ratio: { readonly p50: number; readonly p95: number };
  readonly samples: { readonly api: number[]; readonly store: number[] };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function measureApi(op: ApiOperation, ctx: ApiMeasureContext): Promise<ApiOperationResult> {
  const apiSamples: number[] = [];
  const storeSamples: number[] = [];
  const cases: ApiOperationResult['cases'] = [];
  for (const c of op.cases) {
    let data: Record<string, unknown> = {};
    for (let i = 0; i < Math.max(1, ctx.warmup); i++) {
      data = await c.api(ctx.client);
      await c.store(ctx.store);
    }
    for (let i = 0; i < ctx.runs; i++) {
      const api = () => timed(() => c.api(ctx.client));
      const store = () => timed(() => c.store(ctx.store));
      if (i % 2 === 0) {
        apiSamples.push(await api());
        storeSamples.push(await store());
      } else {
        storeSamples.push(await store());
        apiSamples.push(await api());
      }
    }
    cases.push({ label: c.label, answer: c.describe(data) });
  }
  const api = summarise(apiSamples);
  const store = summarise(storeSamples);
  return {
    name: op.name,
    ring: op.ring === true,
    cases,
    api,
    store,
    ratio: { p50: api.p50 / store.p50, p95: api.p95 / store.p95 },
    samples: { api: apiSamples, store: storeSamples },
  };
}
