/** An import's outcome for a person (a few lines) and for scripts (the exit code). */
import type { FileOutcome, ImportSummary, RunRecord, UndoResult } from '../../ingest/import/index.js';
import type { WriteCounts } from '../../store/port.js';

/** Exit codes of `ringtrace import` (README, "Loading seized data"). */
export const EXIT = { ok: 0, failed: 1, rejected: 2, fileStopped: 3, interrupted: 130 } as const;

export function exitCode(summary: ImportSummary): number {
  if (summary.files.some((f) => f.status === 'interrupted')) return EXIT.interrupted;
  if (summary.files.some((f) => f.status === 'failed')) return EXIT.fileStopped;
  if (summary.rejected > 0) return EXIT.rejected;
  return EXIT.ok;
}

const counts = (c: WriteCounts) => `${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged`;

function fileLine(f: FileOutcome, width: number): string {
  const name = f.name.padEnd(width);
  if (f.status === 'already loaded') return `  ${name}  ${f.note ?? 'already loaded'}: nothing to do`;
  const rows = `${f.rows} rows, ${f.rejected} rejected, ${f.flagged} flagged`;
  if (f.status === 'failed') return `  ${name}  stopped after ${rows}: ${f.note ?? ''}`;
  if (f.status === 'interrupted') return `  ${name}  interrupted after ${rows}: run the same import again to resume`;
  return `  ${name}  loaded: ${rows}${f.bulk ? ' (bulk load)' : ''}`;
}

export function describeImport(s: ImportSummary, rejectFile: string | undefined): string {
  const width = Math.max(...s.files.map((f) => f.name.length));
  const head = s.dryRun
    ? `dry run (nothing written) with ${s.mapping}`
    : s.run
      ? `${s.resumed ? 'resumed' : 'import'} ${s.run} with ${s.mapping}`
      : 'nothing to import: every file was loaded before';
  const would = s.dryRun ? ' (would be)' : '';
  const lines = [`${head} in ${s.seconds.toFixed(1)} s`, ...s.files.map((f) => fileLine(f, width))];
  if (s.files.some((f) => f.status !== 'already loaded')) {
    lines.push(
      `  rows      ${s.rows}`,
      `  entities  ${counts(s.entities)}${would}`,
      `  links     ${counts(s.links)}${would}`,
      `  rejected  ${s.rejected} rows${rejectFile ? ` (file, line, field, reason in ${rejectFile})` : ''}`,
      `  flagged   ${s.flagged} values kept but not normalised (malformed numbers, countries, addresses)`,
    );
  }
  return lines.join('\n');
}

export function describeRuns(runs: readonly RunRecord[], active: ReadonlySet<string> | undefined): string {
  if (runs.length === 0) return 'no import runs';
  const rows = runs.map((r) => [
    r.name,
    r.status === 'running' && active && !active.has(r.name) ? 'interrupted' : r.status,
    r.startedAt.replace('T', ' ').slice(0, 19),
    String(r.files.length),
    String(r.rows),
    String(r.rejected),
    r.mapping.split(' ')[0] ?? '',
    r.loadedBy,
  ]);
  const header = ['run', 'status', 'started (UTC)', 'files', 'rows', 'rejected', 'mapping', 'loaded by'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function describeUndo(u: UndoResult): string {
  const { entities: e, links: l } = u.retracted;
  const head = u.alreadyUndone ? `${u.run.name} was undone before` : `undid ${u.run.name}`;
  return [
    `${head} (${u.run.files.length} files)`,
    `  entities  ${e.removed} removed, ${e.updated} kept with their other sources`,
    `  links     ${l.removed} removed, ${l.updated} kept with their other sources`,
  ].join('\n');
}
