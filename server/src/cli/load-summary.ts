import type { LoadResult } from '../ingest/case-bundle/index.js';
import type { WriteCounts } from '../store/port.js';

const counts = (c: WriteCounts) => `${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged`;

/** A load's outcome in a few lines, for a person: what changed, and what was rejected or flagged. */
export function summariseLoad(result: LoadResult): string {
  const rejects = result.rejects.length + result.rejectsOmitted;
  const flags = result.flags.length + result.flagsOmitted;
  const lines = [
    `  files     ${result.files.length} (${result.files.reduce((n, f) => n + f.rows, 0)} rows)`,
    `  entities  ${counts(result.entities)}`,
    `  links     ${counts(result.links)}`,
    `  rejected  ${rejects} rows${rejects > 0 ? ', e.g. ' + JSON.stringify(result.rejects[0]) : ''}`,
    `  flagged   ${flags} values (kept, marked invalid: malformed numbers, countries, addresses)`,
  ];
  return lines.join('\n');
}
