/**
 * API token strings: `rt_<id>_<secret>`. The id (16 hex digits, public: listed, revoked by, recorded in
 * the audit) finds the record in one lookup; the secret (32 random bytes, base64url) is compared in
 * constant time with its stored hash. Only the SHA-256 of the secret is ever stored: a slow password
 * hash (scrypt, argon2) protects guessable passwords, but a 256-bit random secret cannot be guessed from
 * its hash by any amount of work, so a fast hash keeps every request's check cheap at no loss.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'rt_';
const TOKEN_PATTERN = /^rt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedToken {
  readonly id: string;
  readonly secret: string;
}

export const newTokenId = () => randomBytes(8).toString('hex');
export const newSecret = () => randomBytes(32).toString('base64url');
export const tokenString = (id: string, secret: string) => `${TOKEN_PREFIX}${id}_${secret}`;

/** `sha256:<hex>` of the secret. */
export const hashSecret = (secret: string) => `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;

/** Undefined when the text is not shaped like a Ringtrace token at all. */
export function parseToken(text: string): ParsedToken | undefined {
  const match = TOKEN_PATTERN.exec(text);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** A hash that matches no secret, compared against when the id is unknown so both cases take the same time. */
const NO_HASH = hashSecret(randomBytes(32).toString('base64url'));

/** Constant-time comparison of a secret with a stored hash (`undefined`: an unknown id, never equal). */
export function secretMatches(secret: string, storedHash: string | undefined): boolean {
  const given = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(storedHash ?? NO_HASH);
  return stored.length === given.length && timingSafeEqual(given, stored) && storedHash !== undefined;
}
