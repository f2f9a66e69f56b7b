/**
 * Canonical JSON for hashing: object keys sorted, no whitespace, `undefined` members left out (as
 * JSON.stringify does). The same value always gives the same text, whatever order its keys were built
 * in, so an entry read back from the file hashes exactly as it did when it was written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives undefined for undefined and functions; inside arrays they become null.
    return JSON.stringify(value) ?? 'null';
  }
  // Plain loops and string appends: about twice as fast as map/join here (audit-trail.ts hashes every entry).
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value);
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}
