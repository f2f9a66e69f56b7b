/**
 * A saved view in the location hash, compressed (lz-string, URI-safe), so a link opens the same view.
 * Only ids, positions and settings travel: the data is fetched again, so a URL reveals no properties.
 */
import * as lzModule from 'lz-string';
import { parseSavedView, type ParseResult, type SavedView } from './saved-view';

// lz-string is CommonJS: a bundler gives its functions by name, Node's ESM only as `default`.
const lz: typeof lzModule = (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

export const HASH_PREFIX = '#view=';

/**
 * Longest hash we hand out. Browsers take far more, but links pasted in mail, chat or tickets get cut
 * or refused well before; 8k characters is what they reliably carry (about 200 entities and 200 links
 * with positions, measured).
 */
export const MAX_HASH_LENGTH = 8_000;

export type HashResult =
  | { readonly ok: true; readonly hash: string }
  | { readonly ok: false; readonly length: number; readonly limit: number; readonly message: string };

export function viewToHash(view: SavedView, limit: number = MAX_HASH_LENGTH): HashResult {
  const hash = `${HASH_PREFIX}${lz.compressToEncodedURIComponent(JSON.stringify(view))}`;
  if (hash.length <= limit) return { ok: true, hash };
  return {
    ok: false,
    length: hash.length,
    limit,
    message: `this view is too large for a link (${hash.length} characters, at most ${limit}): save it as a file instead`,
  };
}

/** True when the hash holds a view (`#view=...`). */
export const isViewHash = (hash: string): boolean => hash.startsWith(HASH_PREFIX);

export function viewFromHash(hash: string): ParseResult {
  if (!isViewHash(hash)) return { ok: false, error: 'the link holds no view' };
  const json = lz.decompressFromEncodedURIComponent(hash.slice(HASH_PREFIX.length));
  if (!json) return { ok: false, error: 'the link is damaged (cut short?): its view cannot be read' };
  return parseSavedView(json);
}
