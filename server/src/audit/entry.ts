/**
 * One audit entry as stored: a JSON line of <dataDir>/audit/trail.jsonl. Each entry names the hash of the
 * one before (`prev`) and its own `hash` = SHA-256 of `prev` + the canonical JSON of every other member,
 * so editing, removing or reordering any line breaks the chain from there on (verify.ts).
 */
import { createHash } from 'node:crypto';
import type { Role } from '../domain/access/rights.js';
import { canonicalJson } from './canonical-json.js';

/** The `prev` of the first entry. */
export const GENESIS = '0'.repeat(64);

export interface AuditWho {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly via: 'token' | 'oidc';
}

/** `audit`: the trail's own notes (entries it had to drop while the disk failed). */
export type AuditActionKind = 'graphql' | 'http' | 'cli' | 'audit';

export interface AuditAction {
  readonly kind: AuditActionKind;
  /** The operation name, `anonymous query`, `POST /import`, `token create`... */
  readonly name: string;
  /** GraphQL: `query`, `mutation` or `subscription`; absent when the document was never read. */
  readonly type?: string | undefined;
  /** With secrets removed and large values cut (scrub.ts); absent when there were none. */
  readonly variables?: unknown;
  /** Present when `variables` were cut: the bounds that cut them (scrub.ts, SCRUB_BOUNDS). */
  readonly truncated?: Readonly<Record<string, number>> | undefined;
}

export type AuditStatus = 'ok' | 'error' | 'denied' | 'unauthenticated';

export interface AuditOutcome {
  readonly status: AuditStatus;
  /** The error code (`NOT_FOUND`, `FORBIDDEN`, `LIMIT_EXCEEDED`...) of the first error, if any. */
  readonly code?: string | undefined;
  readonly httpStatus?: number | undefined;
}

export interface AuditSize {
  /** Bytes of the answer sent (HTTP), when known. */
  readonly bytes?: number | undefined;
  /** Top-level items of the result (rows, entities...), where cheap to count. */
  readonly items?: number | undefined;
}

/** What a caller records; the trail adds `seq`, `prev` and `hash` when it writes. */
export interface AuditEvent {
  readonly who: AuditWho | null;
  /**
   * The client's address for an HTTP request: the socket's, or behind a trusted reverse proxy the nearest
   * untrusted one in X-Forwarded-For (http/client-address.ts); absent for the command line.
   */
  readonly from?: string | undefined;
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly size?: AuditSize | undefined;
  readonly durationMs: number;
  /** ISO 8601 UTC; default: when record() was called. */
  readonly at?: string | undefined;
}

export interface AuditEntry extends AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly size: AuditSize;
  readonly prev: string;
  readonly hash: string;
}

/** The hash an entry must carry: over `prev` and the canonical JSON of the entry without its `hash`. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> | Record<string, unknown>): string {
  const { hash: _hash, ...rest } = entry as Record<string, unknown>;
  return createHash('sha256')
    .update(String(rest['prev'] ?? ''))
    .update(canonicalJson(rest))
    .digest('hex');
}

/** The line written for an entry, its members in a readable order (the hash does not depend on it). */
export function entryLine(entry: AuditEntry): string {
  const { seq, at, who, from, action, outcome, size, durationMs, prev, hash } = entry;
  return JSON.stringify({
    seq,
    at,
    who,
    ...(from !== undefined && { from }),
    action,
    outcome,
    size,
    durationMs,
    prev,
    hash,
  });
}
