/**
 * The server's engine, told by its library: a query it runs has a variant for it, one it does not run
 * has none. The ad-hoc editor says which dialect it writes. Pure.
 */
import type { SavedQueryInfo } from '../../api/queries';

/** `embedded` or `neo4j`; undefined when the library does not tell (every query runs on both). */
export function libraryEngine(queries: readonly SavedQueryInfo[]): string | undefined {
  let candidates: ReadonlySet<string> | null = null;
  const refused = new Set<string>();
  for (const q of queries) {
    if (q.supported) candidates = new Set(q.engines.filter((e) => candidates === null || candidates.has(e)));
    else for (const e of q.engines) refused.add(e);
  }
  const left = [...(candidates ?? [])].filter((e) => !refused.has(e));
  return left.length === 1 ? left[0] : undefined;
}
