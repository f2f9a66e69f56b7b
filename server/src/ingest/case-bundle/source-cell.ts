import { invalidArgument } from '../../domain/errors.js';
import type { SourceRef } from '../../domain/graph.js';
import { assertLocator } from '../../domain/provenance.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The sources a row cites, from its `source` cell: empty means the row itself (this file at its line);
 * otherwise `;`-separated references, each `this`, `<declared source key>#<locator>` or
 * `<sha256>#<locator>`. Unknown keys and malformed locators are refused (the row is rejected).
 */
export function parseSourceCell(
  cell: string | undefined,
  row: SourceRef,
  declared: ReadonlyMap<string, string>,
): SourceRef[] {
  const text = cell?.trim() ?? '';
  if (text === '') return [row];
  const refs: SourceRef[] = [];
  for (const token of text.split(';').map((t) => t.trim())) {
    if (token === '') continue;
    let ref: SourceRef;
    if (token === 'this') ref = row;
    else {
      const hash = token.indexOf('#');
      if (hash <= 0) throw invalidArgument('source', `"${token}" is not "this" or <source key>#<locator>`);
      const key = token.slice(0, hash);
      const locator = token.slice(hash + 1);
      const sha256 = SHA256.test(key) ? key : declared.get(key);
      if (sha256 === undefined) {
        const known = [...declared.keys()].join(', ') || 'none declared in bundle.json';
        throw invalidArgument('source', `unknown source "${key}" (known: ${known})`);
      }
      assertLocator(locator);
      ref = { sha256, locator };
    }
    if (!refs.some((r) => r.sha256 === ref.sha256 && r.locator === ref.locator)) refs.push(ref);
  }
  if (refs.length === 0) return [row];
  return refs;
}
