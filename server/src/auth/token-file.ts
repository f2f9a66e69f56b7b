/**
 * <dataDir>/tokens.json: the API tokens' records, hashes only. The CLI (`ringtrace token ...`) and a
 * running server share it, so every change is made under a lock (proper-lockfile: a lock directory beside
 * the file, taken over when stale) and written atomically (a temporary file renamed over the old one), so
 * a reader sees the old file or the new one, never half of one. Readers take no lock.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { ROLES } from '../domain/access/rights.js';

export const TOKENS_FILE = 'tokens.json';
const FORMAT = 'ringtrace-tokens/1';

const tokenRecord = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string(),
  role: z.enum(ROLES),
  /** `sha256:<hex>` of the secret (token-format.ts says why a fast hash is right here). */
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type TokenRecord = z.infer<typeof tokenRecord>;

const tokensFile = z.object({ format: z.literal(FORMAT), tokens: z.array(tokenRecord) });

export const tokensPath = (dataDir: string) => join(dataDir, TOKENS_FILE);

/** The records; none when the file does not exist yet. A damaged file stops everything rather than guess. */
export async function readTokens(path: string): Promise<TokenRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DomainError('INTERNAL', `${path} is not valid JSON: restore it from a backup or remove it`);
  }
  const result = tokensFile.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DomainError('INTERNAL', `${path} is damaged (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return result.data.tokens;
}

async function writeAtomically(path: string, tokens: readonly TokenRecord[]): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // 0600: the hashes are useless to an attacker, but names and roles are nobody else's business.
    await writeFile(temporary, `${JSON.stringify({ format: FORMAT, tokens }, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Reads, changes and writes the records under the lock; `change` returns the new records (or the same
 * array for no change) and a result. The data directory is created when missing.
 */
export async function updateTokens<T>(
  path: string,
  change: (tokens: TokenRecord[]) => { tokens: readonly TokenRecord[]; result: T },
): Promise<T> {
  mkdirSync(join(path, '..'), { recursive: true });
  const release = await lockfile.lock(path, {
    realpath: false, // the file may not exist yet
    stale: 10_000,
    retries: { retries: 50, minTimeout: 20, maxTimeout: 200 },
  });
  try {
    const before = await readTokens(path);
    const { tokens, result } = change(before);
    if (tokens !== before) await writeAtomically(path, tokens);
    return result;
  } finally {
    await release();
  }
}
