/**
 * The saved-query library: every `*.cypher` file of a folder (cypher/queries by default), validated when
 * it is loaded. One malformed file refuses the whole library, naming each problem as `file:line: message`,
 * so a broken query stops the server at start instead of failing when an analyst runs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelShape } from '../model-shape.js';
import { nearMatches } from './near-matches.js';
import type { SavedQuery } from './saved-query.js';
import { validateQueryFile, type ValidateOptions } from './validate.js';

/** cypher/queries: the library versioned with the code. */
export const QUERY_DIR = fileURLToPath(new URL('../../queries/', import.meta.url));

export class QueryLibraryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the saved-query library is malformed:\n${problems.join('\n')}`);
    this.name = 'QueryLibraryError';
  }
}

export interface QueryLibrary {
  readonly queries: readonly SavedQuery[];
  /** The query, or undefined. */
  find(name: string): SavedQuery | undefined;
  /** Names close to `name`, closest first (for "unknown query" messages). */
  suggest(name: string): string[];
}

export function createQueryLibrary(queries: readonly SavedQuery[]): QueryLibrary {
  const byName = new Map(queries.map((q) => [q.name, q]));
  return {
    queries,
    find: (name) => byName.get(name),
    suggest: (name) => nearMatches(name, [...byName.keys()]),
  };
}

/** Loads and validates every `*.cypher` file under `dir` (not recursive), sorted by name. */
export function loadQueryLibrary(
  model: ModelShape,
  dir: string = QUERY_DIR,
  options: ValidateOptions = {},
): QueryLibrary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const problems: string[] = [];
  const queries: SavedQuery[] = [];
  const shown = (file: string) => relative(process.cwd(), join(dir, file)) || file;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const result = validateQueryFile(text, file, model, options);
    if (result.query) queries.push({ ...result.query, file: shown(file) });
    else for (const p of result.problems) problems.push(`${shown(file)}:${p.line}: ${p.message}`);
  }
  if (problems.length > 0) throw new QueryLibraryError(problems);
  return createQueryLibrary(queries);
}
