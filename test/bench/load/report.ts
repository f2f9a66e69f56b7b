/**
 * The load section's table and verdicts. Targets (issue 7, item 6): the legitimate clients' p99 under
 * 500 ms with 0 errors (connection errors, timeouts, non-2xx answers, GraphQL errors in 200 answers), and
 * with the hostile client alongside, p99 at most 2x the same run without it.
 */
import type { OperationFigures } from './recorder.js';
import type { LoadResult, LoadRun } from './run-load.js';
import type { PhaseResult } from './run-phase.js';

export const P99_TARGET_MS = 500;
export const HOSTILE_RATIO = 2;

export interface LoadVerdict {
  readonly run: string;
  readonly target: string;
  readonly pass: boolean;
  readonly actual: string;
}

/** Connection errors and timeouts (autocannon) plus every answer with a problem (non-2xx, GraphQL errors). */
export const errorsOf = (p: PhaseResult) =>
  p.autocannon.errors + Object.values(p.all.problems).reduce((a, b) => a + b, 0);

const baselineOf = (result: LoadResult, run: LoadRun) => result.runs.find((r) => r.paced === run.paced && !r.hostile);

export function loadVerdicts(result: LoadResult): LoadVerdict[] {
  const out: LoadVerdict[] = [];
  for (const run of result.runs) {
    const p99 = run.legit.all.latency.p99;
    if (!run.hostile) {
      out.push({
        run: run.name,
        target: `p99<${P99_TARGET_MS}ms`,
        pass: p99 < P99_TARGET_MS,
        actual: `${p99.toFixed(0)} ms`,
      });
    } else {
      const base = baselineOf(result, run);
      const ratio = base && base.legit.all.latency.n > 0 ? p99 / base.legit.all.latency.p99 : Number.NaN;
      out.push({
        run: run.name,
        target: `p99<=${HOSTILE_RATIO}x`,
        pass: ratio <= HOSTILE_RATIO,
        actual: `${ratio.toFixed(2)}x`,
      });
    }
    const errors = errorsOf(run.legit);
    out.push({ run: run.name, target: 'errors=0', pass: errors === 0, actual: String(errors) });
  }
  return out;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-').padStart(6);

const answered = (f: OperationFigures) => Object.values(f.statuses).reduce((a, b) => a + b, 0);

const row = (label: string, f: OperationFigures, seconds: number, errors: number) =>
  `${label.padEnd(44)}${int(answered(f)).padStart(9)}${(answered(f) / seconds).toFixed(1).padStart(8)}` +
  `${ms(f.latency.p50)}${ms(f.latency.p90)}${ms(f.latency.p99)}${ms(f.latency.max)}${String(errors).padStart(8)}`;

const counts = (c: Record<string, number | string>) =>
  Object.entries(c)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? int(v) : v}`)
    .join(', ');

function runLines(run: LoadRun, verdicts: LoadVerdict[]): string[] {
  const p = run.legit;
  const lines = [row(run.name, p.all, p.seconds, errorsOf(p))];
  if (run.settledMs > 1500) {
    const why = run.settleTimedOut ? 'and gave up' : 'first';
    lines.push(
      `  (waited ${(run.settledMs / 1000).toFixed(1)} s ${why} for the server to be idle: work left by the run before)`,
    );
  }
  for (const [op, f] of Object.entries(p.operations)) {
    const errors = Object.values(f.problems).reduce((a, b) => a + b, 0);
    lines.push(row(`  ${op}`, f, p.seconds, errors));
  }
  const problems = { ...p.all.problems };
  if (p.autocannon.timeouts) problems['timeouts'] = p.autocannon.timeouts;
  if (p.autocannon.errors - p.autocannon.timeouts)
    problems['connection errors'] = p.autocannon.errors - p.autocannon.timeouts;
  if (Object.keys(problems).length) lines.push(`  errors: ${counts(problems)}`);
  if (p.all.inFlightAtEnd > 0)
    lines.push(`  in flight when the run ended: ${p.all.inFlightAtEnd} (their age then is in the percentiles)`);
  if (p.paceMs !== undefined) {
    const offered = (p.connections * p.seconds * 1000) / p.paceMs;
    lines.push(`  offered ${int(offered)} requests (${(offered / p.seconds).toFixed(0)}/s), sent ${int(p.sent)}`);
  }
  for (const [kind, message] of Object.entries(p.all.messages)) lines.push(`    ${kind}: ${message}`);
  const cores = run.serverCores === undefined ? '' : `server ${run.serverCores.toFixed(2)} cores, `;
  lines.push(
    `  CPU: ${cores}load generator ${p.clientCores.toFixed(2)}` +
      `${run.hostile ? `, hostile client ${run.hostile.clientCores.toFixed(2)}` : ''}; load average ${run.loadAverage.toFixed(1)}`,
  );
  lines.push(
    `  autocannon: p50 ${p.autocannon.latency.p50} / p90 ${p.autocannon.latency.p90} / p99 ${p.autocannon.latency.p99} ms, ` +
      `${(p.autocannon.bytesPerSecond / 1e6).toFixed(2)} MB/s; one token spent ${run.demandPerToken.toFixed(1)} points/s`,
  );
  for (const v of verdicts.filter((x) => x.run === run.name))
    lines.push(`  ${v.target}: ${v.actual} ${v.pass ? 'PASS' : 'MISS'}`);
  if (run.hostile) {
    const h = run.hostile;
    lines.push(
      `  hostile client: ${int(h.requests)} answers (${h.throughput.toFixed(0)}/s), ` +
        `${h.autocannon.errors} connection errors or timeouts; by status ${counts(h.all.statuses)}`,
    );
    for (const [op, f] of Object.entries(h.operations)) {
      // Refusals by status, and what came back in 200 answers (a query stopped by its timeout...).
      const in200 = Object.entries(f.problems).filter(([kind]) => !kind.startsWith('http '));
      const said = in200.map(([kind, n]) => `${kind}: ${int(n)}`).join(', ');
      lines.push(
        `    ${op.padEnd(10)} ${int(answered(f)).padStart(7)} answers, p50 ${f.latency.p50.toFixed(0)} ms; ` +
          `${counts(f.statuses)}${said ? `; in 200s ${said}` : ''}`,
      );
    }
  }
  return lines;
}

export function formatLoad(result: LoadResult): string {
  const c = result.case;
  const verdicts = loadVerdicts(result);
  const o = result.options;
  const lines = [
    `== load: ${int(c.entities)} entities, ${int(c.links)} links (generated, scale ${c.scale}, seed ${c.seed}` +
      `${c.reused ? ', reused from --data' : `, loaded in ${(c.loadMs / 1000).toFixed(0)} s`})`,
    `the real server (ringtrace serve) in a child process, autocannon here, the hostile client in a third process: ` +
      `all on the same ${result.env.cpus} cores (Node ${result.env.node}, buffer pool ${result.env.poolMb} MiB)`,
    `tokens: ${result.tokens.analysts} analysts + ${result.tokens.viewers} viewers, requests spread over them in turn; ` +
      `the hostile client its own analyst token; rate limit per token ${result.rateLimit.perSecond} points/s ` +
      `+ ${result.rateLimit.burst} more per 10 s (${Object.entries(result.rateLimit.env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`,
    `one search at a time (an analyst's) on the idle server: ${result.idleMs.toFixed(0)} ms; each run ${o.seconds} s; mix: search 40%, neighbourhood 1-hop 25% (3% from hubs), 2-hop 15%, paths 20% ` +
      `(ring -> group, victim -> group); every body searched for GraphQL errors, 1 in 20 parsed whole; ` +
      `requests still unanswered when a run ends count in the percentiles at their age then`,
    '',
    `${'run'.padEnd(44)}${'answers'.padStart(9)}${'req/s'.padStart(8)}${'p50'.padStart(6)}${'p90'.padStart(6)}` +
      `${'p99'.padStart(6)}${'max'.padStart(6)}${'errors'.padStart(8)}   (ms)`,
  ];
  for (const run of result.runs) lines.push(...runLines(run, verdicts));
  const closed = result.runs.find((r) => !r.paced && !r.hostile);
  if (closed && closed.legit.throughput > 0) {
    // Little's law: with every connection always waiting, the mean wait is connections / throughput.
    const wait = closed.legit.connections / closed.legit.throughput;
    lines.push(
      `closed: ${closed.legit.connections} requests always waiting at ${closed.legit.throughput.toFixed(1)} answers/s ` +
        `means ${wait.toFixed(1)} s each on average (Little's law); under 500 ms would take over ` +
        `${int(closed.legit.connections / 0.5)} answers/s`,
    );
  }
  lines.push(
    `closed: each connection sends its next request when its answer is in (constantly busy); paced: each is a ` +
      `user sending one request every ${o.paceMs} ms (at its answer if that comes later)`,
    `audit trail written during the runs: ${result.audit.files} files, ${(result.audit.bytes / 1e6).toFixed(1)} MB`,
  );
  const misses = verdicts.filter((v) => !v.pass).length;
  lines.push(`load targets: ${misses === 0 ? 'PASS' : `${misses} MISS`}`);
  return lines.join('\n');
}
