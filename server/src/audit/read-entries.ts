/**
 * Reading the trail for admins (`ringtrace audit list`, the `auditTrail` query): entries after a seq,
 * filtered, a page at a time. Streamed: a page is read from the file without holding the trail.
 * Lines that are not entries are skipped here (verify reports them).
 */
import { auditPaths } from './audit-file.js';
import type { AuditEntry, AuditStatus } from './entry.js';
import { readLines } from './read-lines.js';
import { snapshot } from './snapshot.js';

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

export interface AuditFilter {
  /** Entries with a seq above this (0: from the start). */
  readonly after?: number | undefined;
  /** At most this many (1 to MAX_PAGE; default DEFAULT_PAGE). */
  readonly first?: number | undefined;
  /** The caller's id or name, exactly; `anonymous` for unauthenticated requests. */
  readonly who?: string | undefined;
  /** Part of the action's name, any case (`import`, `token create`, `Neighbourhood`). */
  readonly action?: string | undefined;
  readonly outcome?: AuditStatus | undefined;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** Pass as `after` for the next page; null when there is none. */
  readonly nextAfter: number | null;
  readonly hasMore: boolean;
  /** The page size used, and whether the request asked for more than MAX_PAGE (it got MAX_PAGE). */
  readonly first: number;
  readonly firstCapped: boolean;
}

function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.who !== undefined) {
    const who = entry.who;
    if (who === null ? filter.who !== 'anonymous' : who.id !== filter.who && who.name !== filter.who) return false;
  }
  if (filter.action !== undefined && !entry.action.name.toLowerCase().includes(filter.action.toLowerCase())) return false;
  if (filter.outcome !== undefined && entry.outcome.status !== filter.outcome) return false;
  return true;
}

export async function readTrail(dataDir: string, filter: AuditFilter = {}): Promise<AuditPage> {
  const asked = filter.first ?? DEFAULT_PAGE;
  const first = Math.max(0, Math.min(asked, MAX_PAGE));
  const after = filter.after ?? 0;
  const paths = auditPaths(dataDir);
  const { size } = await snapshot(paths);
  const entries: AuditEntry[] = [];
  let hasMore = false;
  for await (const line of readLines(paths.trail, size)) {
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line.text) as AuditEntry;
    } catch {
      continue;
    }
    if (typeof entry?.seq !== 'number' || entry.seq <= after || !entry.action || !entry.outcome) continue;
    if (!matches(entry, filter)) continue;
    if (entries.length === first) {
      hasMore = true;
      break;
    }
    entries.push(entry);
  }
  const last = entries.at(-1);
  return { entries, nextAfter: hasMore && last ? last.seq : null, hasMore, first, firstCapped: asked > MAX_PAGE };
}
