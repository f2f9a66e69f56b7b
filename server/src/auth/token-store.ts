/**
 * API tokens for people and scripts: created (the token shown once), listed, revoked, and verified on
 * every request. Records live in <dataDir>/tokens.json (token-file.ts); a server re-reads the file when
 * it changes (a CLI `token revoke` takes effect on the next request, no restart).
 */
import { statSync } from 'node:fs';
import type { Caller } from '../domain/access/caller.js';
import type { Role } from '../domain/access/rights.js';
import { DomainError, invalidArgument, notFound } from '../domain/errors.js';
import { readTokens, tokensPath, updateTokens, type TokenRecord } from './token-file.js';
import { hashSecret, newSecret, newTokenId, parseToken, secretMatches, tokenString } from './token-format.js';
import { unauthenticated } from './unauthenticated.js';

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** A token as listed: everything but its hash. */
export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly status: TokenStatus;
}

export interface CreateToken {
  readonly name: string;
  readonly role: Role;
  /** ISO instant; null or absent: never expires. */
  readonly expiresAt?: string | null | undefined;
  /** Who asked (a caller id), recorded on the token. */
  readonly createdBy: string;
}

export interface TokenStore {
  readonly path: string;
  /** The token string is returned here and never again: only its hash is kept. */
  create(input: CreateToken): Promise<{ token: string; info: TokenInfo }>;
  list(): Promise<TokenInfo[]>;
  /** By id, or by the name of exactly one active token. Revoking again changes nothing. */
  revoke(idOrName: string, by: string): Promise<TokenInfo>;
  /** The caller a token string stands for; UNAUTHENTICATED (with a reason) otherwise. */
  verify(token: string): Promise<Caller>;
  hasActiveAdmin(): Promise<boolean>;
}

export interface TokenStoreOptions {
  readonly dataDir: string;
  /** For tests. */
  readonly now?: () => Date;
}

const MAX_NAME = 100;

export function createTokenStore({ dataDir, now = () => new Date() }: TokenStoreOptions): TokenStore {
  const path = tokensPath(dataDir);
  let cache: { key: string; byId: Map<string, TokenRecord> } | undefined;

  const statusOf = (r: TokenRecord): TokenStatus =>
    r.revokedAt !== null
      ? 'revoked'
      : r.expiresAt !== null && Date.parse(r.expiresAt) <= now().getTime()
        ? 'expired'
        : 'active';
  const infoOf = (r: TokenRecord): TokenInfo => {
    const { hash: _hash, ...rest } = r;
    return { ...rest, status: statusOf(r) };
  };

  /**
   * Which version of the file is there. statSync on purpose: an async stat waits in libuv's thread pool
   * behind the embedded engine's queries (its Node binding runs them there), so under load every request's
   * token check waited seconds for a stat that takes microseconds. Sharing one async stat between requests
   * made it worse (measured: a hostile client's 401s and 429s took 7.5 s at p50 under 200 busy connections).
   */
  const fileKey = () => {
    try {
      const s = statSync(path);
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return 'missing';
    }
  };

  /** The records, re-read only when the file changed (a rename gives a new inode; mtime and size for edits). */
  async function records(): Promise<Map<string, TokenRecord>> {
    const key = fileKey();
    if (cache?.key !== key) cache = { key, byId: new Map((await readTokens(path)).map((r) => [r.id, r])) };
    return cache.byId;
  }

  return {
    path,
    async create({ name, role, expiresAt = null, createdBy }) {
      const trimmed = name.trim();
      if (trimmed === '' || trimmed.length > MAX_NAME || /[\p{Cc}]/u.test(trimmed)) {
        throw invalidArgument('--name', `a name of 1 to ${MAX_NAME} printable characters`);
      }
      if (expiresAt !== null && !(Date.parse(expiresAt) > now().getTime())) {
        throw invalidArgument('--expires', 'must be in the future');
      }
      const secret = newSecret();
      const record: TokenRecord = {
        id: newTokenId(),
        name: trimmed,
        role,
        hash: hashSecret(secret),
        createdAt: now().toISOString(),
        createdBy,
        expiresAt,
        revokedAt: null,
        revokedBy: null,
      };
      await updateTokens(path, (tokens) => {
        const clash = tokens.find((t) => t.name === trimmed && statusOf(t) === 'active');
        if (clash) throw new DomainError('CONFLICT', `an active token is already named "${trimmed}" (${clash.id})`);
        return { tokens: [...tokens, record], result: undefined };
      });
      cache = undefined;
      return { token: tokenString(record.id, secret), info: infoOf(record) };
    },
    async list() {
      return (await readTokens(path)).map(infoOf);
    },
    async revoke(idOrName, by) {
      const revoked = await updateTokens(path, (tokens) => {
        let target = tokens.find((t) => t.id === idOrName);
        if (!target) {
          const named = tokens.filter((t) => t.name === idOrName && statusOf(t) === 'active');
          if (named.length > 1) {
            throw invalidArgument('token', `several active tokens are named "${idOrName}": give the id`);
          }
          target = named[0] ?? tokens.find((t) => t.name === idOrName);
        }
        if (!target) throw notFound('token', idOrName);
        if (target.revokedAt !== null) return { tokens, result: target };
        const changed = { ...target, revokedAt: now().toISOString(), revokedBy: by };
        return { tokens: tokens.map((t) => (t === target ? changed : t)), result: changed };
      });
      cache = undefined;
      return infoOf(revoked);
    },
    async verify(token) {
      const parsed = parseToken(token);
      if (!parsed) throw unauthenticated('malformed', 'the token is malformed (expected rt_<id>_<secret>)');
      const record = (await records()).get(parsed.id);
      // An unknown id is compared against a dummy hash: same answer, same time as a wrong secret.
      if (!secretMatches(parsed.secret, record?.hash) || !record) {
        throw unauthenticated('invalid', 'the token is not valid');
      }
      const status = statusOf(record);
      if (status === 'revoked') throw unauthenticated('revoked', 'the token was revoked');
      if (status === 'expired') throw unauthenticated('expired', `the token expired at ${record.expiresAt}`);
      return { id: `token:${record.id}`, name: record.name, role: record.role, via: 'token', tokenId: record.id };
    },
    async hasActiveAdmin() {
      return [...(await records()).values()].some((r) => r.role === 'admin' && statusOf(r) === 'active');
    },
  };
}
