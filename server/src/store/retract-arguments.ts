/** The files to retract, checked the same way by both adapters before anything changes. */
import { invalidArgument } from '../domain/errors.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** Distinct lower-case SHA-256 hex strings; anything else is refused naming it. */
export function sha256sIn(argument: string, sha256s: readonly unknown[]): string[] {
  if (!Array.isArray(sha256s)) throw invalidArgument(argument, 'must be a list of SHA-256 hex strings');
  const out = new Set<string>();
  for (const s of sha256s) {
    if (typeof s !== 'string' || !SHA256.test(s)) {
      throw invalidArgument(argument, `${JSON.stringify(s)} is not a SHA-256 (64 lower-case hex digits)`);
    }
    out.add(s);
  }
  return [...out];
}
