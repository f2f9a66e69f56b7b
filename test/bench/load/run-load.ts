/**
 * The load benchmark (issue 7, item 6), start to end: the generated case (cached under `--data`), a fresh
 * copy of its database for the real server in a child process, real tokens, then timed autocannon runs:
 *   closed            `connections` connections, each sending its next request as soon as its answer is in
 *   closed + hostile  the same, with the hostile client hammering alongside from a process of its own
 *   paced             the same connections as users, each sending one request every `paceMs`
 *   paced + hostile
 * (the hostile runs when `hostileConnections` > 0, the paced ones when `paceMs` > 0). An untimed warm-up
 * goes first: the copy's pages are cold.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { LoadArgs } from './args.js';
import { runHostile } from './hostile.js';
import { legitMix, legitRequests } from './legit-mix.js';
import { caseDirectory, prepareCase } from './prepare-case.js';
import type { Prepared } from './prepare.js';
import { demandPerToken, rateLimit as serverRateLimit, type RateLimit } from './rate-limit.js';
import { Recorder } from './recorder.js';
import { runPhase, type PhaseResult } from './run-phase.js';
import { cpuSeconds, idleMs as measureIdle, settle as settleServer } from './settle.js';
import { freshDataDir, startServerProcess } from './server-process.js';
import { createLoadTokens } from './tokens.js';

export interface LoadOptions extends LoadArgs {
  readonly seed: number;
  readonly poolMb: number;
  /** `--data`: keep the case and its database there for the next run. */
  readonly dataDir?: string;
  readonly log: (line: string) => void;
}

export interface LoadRun {
  readonly name: string;
  readonly paced: boolean;
  readonly legit: PhaseResult;
  /** CPU the server process used during the run, in cores; undefined without /proc. */
  readonly serverCores?: number;
  /** The 1-minute load average at the end of the run (other processes on the machine count too). */
  readonly loadAverage: number;
  /** Rate-limit points a second one legitimate token spent, on average. */
  readonly demandPerToken: number;
  readonly hostile?: PhaseResult;
  /** Waited before this run until the server was idle (settle.ts). */
  readonly settledMs: number;
  readonly settleTimedOut?: boolean;
}

export interface LoadResult {
  readonly env: { readonly node: string; readonly cpus: number; readonly poolMb: number };
  readonly case: {
    readonly scale: number;
    readonly seed: number;
    readonly entities: number;
    readonly links: number;
    readonly reused: boolean;
    readonly loadMs: number;
  };
  readonly options: LoadArgs;
  readonly tokens: { readonly analysts: number; readonly viewers: number; readonly hostile: 'analyst' };
  readonly rateLimit: RateLimit;
  readonly picks: Omit<Prepared['picks'], 'captions' | 'typical'> & {
    readonly typical: number;
    readonly captions: number;
  };
  readonly warmup?: PhaseResult;
  /** One search at a time on the idle server after the warm-up, median of five (ms). */
  readonly idleMs: number;
  readonly runs: LoadRun[];
  /** What the server wrote to its audit trail during the runs. */
  readonly audit: { readonly files: number; readonly bytes: number };
}

async function auditSize(dataDir: string): Promise<LoadResult['audit']> {
  const dir = join(dataDir, 'audit');
  const names = await readdir(dir).catch(() => [] as string[]);
  let bytes = 0;
  for (const n of names) bytes += (await stat(join(dir, n)).catch(() => ({ size: 0 }))).size;
  return { files: names.length, bytes };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const caseDir = await caseDirectory({
    scale: o.scale,
    seed: o.seed,
    ...(o.dataDir !== undefined && { dataDir: o.dataDir }),
  });
  try {
    const prepared = await prepareCase(caseDir, { ...o, log: o.log });
    const dataDir = await freshDataDir(join(caseDir, 'graph.kuzu'));
    // The server removes the copy when it closes; until it runs, a failure here must.
    const tokens = await createLoadTokens(dataDir, o.users).catch(async (error: unknown) => {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    });
    const rateLimit = serverRateLimit();
    const heavy = rateLimit.heavyTime;
    o.log(
      `rate limit per token: ${rateLimit.perSecond} points/s + ${rateLimit.burst} more in 10 s; server time for ` +
        `expensive operations: ${heavy ? `${heavy.perSecondMs} ms/s, ${heavy.burstMs} ms at most` : 'unbounded'}; ` +
        `refusals held ${rateLimit.refusalHoldMs} ms at most`,
    );
    const server = await startServerProcess(dataDir, {
      RINGTRACE_BUFFER_POOL_MB: String(o.poolMb),
      ...rateLimit.env,
    });
    o.log(`server pid ${server.pid} at ${server.url}, data ${dataDir}`);
    try {
      const url = `${server.url}/graphql`;
      const mix = legitMix(prepared.picks);
      const points = Object.fromEntries(mix.map((m) => [m.name, m.points]));
      const demand = (r: PhaseResult) => demandPerToken(r, points, o.users);
      const legitTokens = tokens.legit;
      const hubs = prepared.picks.hubs.map((h) => h.id);
      let seed = o.seed;
      const legit = (connections: number, seconds: number, paceMs?: number) => {
        const recorder = new Recorder();
        return runPhase({
          url,
          connections,
          seconds,
          ...(paceMs !== undefined && { paceMs }),
          requests: legitRequests(mix, legitTokens, recorder, ++seed),
          recorder,
          seed,
        });
      };
      let warmup: PhaseResult | undefined;
      if (o.warmupSeconds > 0) {
        o.log(`warm-up: ${Math.min(o.connections, 20)} connections for ${o.warmupSeconds} s`);
        warmup = await legit(Math.min(o.connections, 20), o.warmupSeconds);
      }
      await settleServer(server.pid);
      const idleMs = await measureIdle(url, legitTokens[0]!.token, prepared.picks.captions[0]!);
      o.log(`idle: ${idleMs.toFixed(0)} ms for one search`);
      const settle = async () => {
        const s = await settleServer(server.pid);
        if (s.ms > 1500)
          o.log(`waited ${(s.ms / 1000).toFixed(1)} s for the server to be idle${s.timedOut ? ' (gave up)' : ''}`);
        return { settledMs: s.ms, ...(s.timedOut && { settleTimedOut: true }) };
      };
      /** The server's CPU over a run, and the machine's load average at its end. */
      const serverCpu = async () => {
        const before = await cpuSeconds(server.pid);
        const started = performance.now();
        return async () => {
          const after = await cpuSeconds(server.pid);
          const seconds = (performance.now() - started) / 1000;
          const loadAverage = loadavg()[0]!;
          return before === undefined || after === undefined
            ? { loadAverage }
            : { serverCores: (after - before) / seconds, loadAverage };
        };
      };
      const runs: LoadRun[] = [];
      const variants = [{ paced: false }, ...(o.paceMs > 0 ? [{ paced: true }] : [])];
      for (const { paced } of variants) {
        const pace = paced ? o.paceMs : undefined;
        const label = paced
          ? `paced (${o.connections} users, 1 request / ${o.paceMs} ms each)`
          : `closed (${o.connections} busy connections)`;
        let settled = await settle();
        o.log(`${label}: ${o.seconds} s`);
        let cpu = await serverCpu();
        const alone = await legit(o.connections, o.seconds, pace);
        runs.push({ name: label, paced, legit: alone, demandPerToken: demand(alone), ...(await cpu()), ...settled });
        if (o.hostileConnections === 0) continue;
        settled = await settle();
        o.log(`${label} + hostile client (${o.hostileConnections} connections): ${o.seconds} s`);
        const hostile = runHostile({
          url,
          token: tokens.hostile,
          hubs,
          connections: o.hostileConnections,
          seconds: o.seconds,
          seed: ++seed,
        });
        hostile.catch(() => undefined); // awaited below
        cpu = await serverCpu();
        const during = await legit(o.connections, o.seconds, pace);
        const used = await cpu();
        runs.push({
          name: `${label} + hostile`,
          paced,
          legit: during,
          demandPerToken: demand(during),
          ...used,
          hostile: await hostile,
          ...settled,
        });
      }
      const { captions, typical, ...picks } = prepared.picks;
      return {
        env: { node: process.version, cpus: cpus().length, poolMb: o.poolMb },
        case: {
          scale: o.scale,
          seed: o.seed,
          entities: prepared.generated.entities,
          links: prepared.generated.links,
          reused: prepared.reused,
          loadMs: prepared.load.ms,
        },
        options: {
          scale: o.scale,
          seconds: o.seconds,
          connections: o.connections,
          users: o.users,
          hostileConnections: o.hostileConnections,
          paceMs: o.paceMs,
          warmupSeconds: o.warmupSeconds,
        },
        tokens: {
          analysts: tokens.legit.filter((t) => t.role === 'analyst').length,
          viewers: tokens.legit.filter((t) => t.role === 'viewer').length,
          hostile: 'analyst',
        },
        rateLimit,
        picks: { ...picks, typical: typical.length, captions: captions.length },
        ...(warmup && { warmup }),
        idleMs,
        runs,
        audit: await auditSize(dataDir),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\nserver output:\n${server.tail()}`, { cause: error });
    } finally {
      await server.close();
    }
  } finally {
    if (o.dataDir === undefined) await rm(caseDir, { recursive: true, force: true });
  }
}
