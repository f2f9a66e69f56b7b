/** The printed table of one scale. */
import type { ScaleResult } from './run-scale.js';
import { apiVerdicts, verdicts, type Verdict } from './targets.js';

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) : '-');
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '-');
const mb = (v: number) => `${Math.round(v)} MiB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const result = (v: Verdict[]) =>
  v.every((x) => x.pass)
    ? 'PASS'
    : `MISS ${v
        .filter((x) => !x.pass)
        .map((x) => (x.target.startsWith('ratio') ? `ratio ${x.actual}` : x.actual))
        .join(', ')}`;

export function formatScale(r: ScaleResult): string {
  const out: string[] = [];
  const g = r.generated;
  out.push(
    `== scale ${r.scale.toExponential(0)}: ${g.links} relationships, ${g.entities} entities (seed ${r.seed}), generated in ${(g.ms / 1000).toFixed(1)} s`,
  );
  const l = r.load;
  out.push(
    l.completed
      ? `load: ${(l.ms / 1000).toFixed(1)} s, ${Math.round(l.rowsPerSecond)} rows/s (${l.rows} rows), ` +
          `peak RSS ${mb(l.maxRssMb)} (maxRSS; ${mb(l.sampledRssPeakMb)} sampled)` +
          (r.reused ? ` (recorded by the run that loaded ${r.dir}; reused here)` : '')
      : `load: INCOMPLETE after ${(l.ms / 1000).toFixed(1)} s at ${l.progress ?? 'start'}: ${l.error}`,
  );
  if (r.queries) {
    const q = r.queries;
    out.push(
      `queries: ${q.runs} timed runs per seed after ${q.warmup} warm-up, ${q.readConnections} connections each side; ` +
        `RSS ${mb(q.sampledRssPeakMb)} at most while timing (sampled), process peak ${mb(q.maxRssMb)} (maxRSS)`,
    );
    const rows = q.operations.map((op) => {
      const v = verdicts(r.scale, op);
      return [
        op.name,
        String(op.cases.length),
        String(Math.round(op.cases.reduce((n, c) => n + c.statements, 0) / Math.max(1, op.cases.length))),
        ms(op.store.p50),
        ms(op.store.p95),
        ms(op.direct.p50),
        ms(op.direct.p95),
        ratio(op.ratio.p50),
        ratio(op.ratio.p95),
        v.map((x) => x.target).join(' '),
        result(v),
      ];
    });
    out.push(
      table(
        [
          'operation',
          'seeds',
          'stmts',
          'store p50',
          'p95',
          'direct p50',
          'p95',
          'ratio p50',
          'p95',
          'target',
          'result',
        ],
        rows,
      ),
    );
    out.push('(times in ms; stmts: statements the store sent per call, replayed on the direct side)');
    if (r.api) {
      out.push(
        `API: ${r.api.runs} timed runs per seed after ${r.api.warmup} warm-up, HTTP on 127.0.0.1 beside the store call`,
      );
      const apiRows = r.api.operations.map((op) => {
        const v = apiVerdicts(op);
        return [
          op.name,
          String(op.cases.length),
          ms(op.api.p50),
          ms(op.api.p95),
          ms(op.store.p50),
          ms(op.store.p95),
          ratio(op.ratio.p50),
          ratio(op.ratio.p95),
          v.map((x) => x.target).join(' '),
          result(v),
        ];
      });
      out.push(
        table(
          ['API operation', 'seeds', 'api p50', 'p95', 'store p50', 'p95', 'ratio p50', 'p95', 'target', 'result'],
          apiRows,
        ),
      );
    }
    const foreign = q.operations.flatMap((op) => op.cases.flatMap((c) => c.foreign));
    if (foreign.length > 0) out.push(`WARNING: statements not made by the cypher builders: ${foreign.join(' | ')}`);
  }
  return out.join('\n');
}
