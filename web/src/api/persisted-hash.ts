/**
 * The persisted-operation hash sent with every document (Apollo's `extensions.persistedQuery`): the
 * SHA-256 of the document's exact text, as the server's manifest keys the web app's operations
 * (server/README.md, "Hardening"). Sending both the document and its hash works in every server mode:
 * `allow` runs either, `only` (production) runs the manifest's copy, `off` ignores the hash.
 * crypto.subtle exists only in secure contexts (HTTPS, localhost); elsewhere (plain HTTP on a LAN
 * address) no hash is sent, which `allow` accepts and `only`, meant for HTTPS, refuses.
 */

export interface PersistedQueryExtensions {
  readonly persistedQuery: { readonly version: 1; readonly sha256Hash: string };
}

/** The app sends a fixed set of documents: each is hashed once. */
const cache = new Map<string, Promise<PersistedQueryExtensions | undefined>>();

async function hash(query: string): Promise<PersistedQueryExtensions | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(query)));
    const sha256Hash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    return { persistedQuery: { version: 1, sha256Hash } };
  } catch {
    return undefined;
  }
}

export function persistedQueryExtensions(query: string): Promise<PersistedQueryExtensions | undefined> {
  let known = cache.get(query);
  if (!known) cache.set(query, (known = hash(query)));
  return known;
}
