/**
 * What an audit entry may keep of an operation's variables: secrets removed, large values cut. The trail
 * is read by admins and kept for years; a token or password in it would outlive its revocation.
 *   - any member whose name looks like a secret (token, secret, password, authorization, cookie, jwt), at
 *     any depth: its value becomes "[removed]";
 *   - any string that looks like a Ringtrace API token (`rt_<id>_<secret>`: the public id is kept) or a
 *     JWT, wherever it appears: the secret part becomes "[removed]";
 *   - strings, lists, objects and nesting past SCRUB_BOUNDS are cut with a marker, and the entry reports
 *     the bounds that cut (`action.truncated`), so a reader knows the record is partial.
 * The result is plain JSON data (no undefined, no non-finite numbers), so it hashes the same once read back.
 */

export const REMOVED = '[removed]';

export const SCRUB_BOUNDS = {
  /** Characters of one string value. */
  maxString: 256,
  /** Items of one list. */
  maxItems: 20,
  /** Members of one object. */
  maxKeys: 50,
  /** Levels of nesting below the variables themselves. */
  maxDepth: 6,
  /** Values visited in all (a 1 MiB body of tiny values stays cheap to record). */
  maxValues: 1000,
  /** Bytes of the variables' JSON once cut; past it only a note of their size is kept. */
  maxBytes: 8192,
} as const;

type Bound = keyof typeof SCRUB_BOUNDS;

const SECRET_KEY = /token|secret|password|authorization|cookie|jwt/i;
/** `rt_<16 hex id>_<secret>` keeps its id; any other `rt_…` long enough to be a secret goes whole. */
const API_TOKEN = /rt_([0-9a-f]{16})_[A-Za-z0-9_-]+|rt_[A-Za-z0-9_-]{16,}/g;
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/** A string with token-looking parts replaced. Cheap when there are none (one `includes` each). */
export function scrubString(text: string): string {
  let out = text;
  if (out.includes('rt_')) out = out.replace(API_TOKEN, (_m, id?: string) => (id ? `rt_${id}_${REMOVED}` : REMOVED));
  if (out.includes('eyJ')) out = out.replace(JWT, REMOVED);
  return out;
}

export interface Scrubbed {
  readonly value: unknown;
  /** The bounds that cut something, with their values; undefined when nothing was cut. */
  readonly truncated: Partial<Record<Bound, number>> | undefined;
}

export function scrub(value: unknown): Scrubbed {
  const hit = new Set<Bound>();
  let visited = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || v === undefined) return null;
    if (++visited > SCRUB_BOUNDS.maxValues) {
      hit.add('maxValues');
      return '[cut]';
    }
    switch (typeof v) {
      case 'string': {
        const clean = scrubString(v);
        if (clean.length <= SCRUB_BOUNDS.maxString) return clean;
        hit.add('maxString');
        return `${clean.slice(0, SCRUB_BOUNDS.maxString)}…[cut: ${clean.length} chars]`;
      }
      case 'number':
        return Number.isFinite(v) ? v : null;
      case 'boolean':
        return v;
      case 'bigint':
        return v.toString();
      case 'object':
        break;
      default:
        return null;
    }
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (depth >= SCRUB_BOUNDS.maxDepth) {
      hit.add('maxDepth');
      return '[cut: too deep]';
    }
    if (Array.isArray(v)) {
      const kept = v.slice(0, SCRUB_BOUNDS.maxItems).map((item) => walk(item, depth + 1));
      if (v.length > SCRUB_BOUNDS.maxItems) {
        hit.add('maxItems');
        kept.push(`[cut: ${v.length - SCRUB_BOUNDS.maxItems} more items]`);
      }
      return kept;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    for (const key of keys.slice(0, SCRUB_BOUNDS.maxKeys)) {
      const member = (v as Record<string, unknown>)[key];
      if (member === undefined || typeof member === 'function') continue;
      out[key] = SECRET_KEY.test(key) ? REMOVED : walk(member, depth + 1);
    }
    if (keys.length > SCRUB_BOUNDS.maxKeys) {
      hit.add('maxKeys');
      out['[cut]'] = `${keys.length - SCRUB_BOUNDS.maxKeys} more members`;
    }
    return out;
  };
  let result = walk(value, 0);
  // Cheap for the usual few variables; the cut above keeps this stringify bounded.
  const bytes = Buffer.byteLength(JSON.stringify(result));
  if (bytes > SCRUB_BOUNDS.maxBytes) {
    hit.add('maxBytes');
    result = { '[cut]': `${bytes} bytes of variables after cutting; only their size is kept` };
  }
  if (hit.size === 0) return { value: result, truncated: undefined };
  return { value: result, truncated: Object.fromEntries([...hit].map((b) => [b, SCRUB_BOUNDS[b]])) };
}
