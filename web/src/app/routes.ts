/**
 * What the address says to open: `#/entity/<id>` (one entity, e.g. from a report or a chat message)
 * or `#view=<lz-string>` (a whole saved scene, see scene/persistence). Pure: parses and builds strings.
 */

export type Route =
  | { readonly type: 'none' }
  | { readonly type: 'entity'; readonly id: string }
  | { readonly type: 'view'; readonly encoded: string };

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.startsWith('/entity/')) {
    const id = safeDecode(h.slice('/entity/'.length));
    return id ? { type: 'entity', id } : { type: 'none' };
  }
  if (h.startsWith('view=')) {
    const encoded = h.slice('view='.length);
    return encoded ? { type: 'view', encoded } : { type: 'none' };
  }
  return { type: 'none' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const entityHash = (id: string): string => `#/entity/${encodeURIComponent(id)}`;
export const viewHash = (encoded: string): string => `#view=${encoded}`;
