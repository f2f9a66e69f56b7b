/**
 * Checks the trail end to end: every line is an entry, seqs run 1, 2, 3... with none missing or out of
 * order, every entry's `prev` is the hash of the one before, every `hash` matches its content, and the
 * last entry is the one head.json names (so removing the last lines is detected too). Reports the first
 * bad line and what is wrong with it.
 *
 * What this proves, honestly: the chain has no key, so anyone who can rewrite the whole file AND head.json
 * can forge a consistent trail (recompute every hash from the first changed entry on). What it catches:
 * any edit, removal, reordering or truncation made without rewriting everything after it and the head.
 * Against a full rewrite, note the head elsewhere (`ringtrace audit head`, e.g. in a ticket or a signed
 * mail) and check it later: `ringtrace audit verify --anchor <seq>:<hash>` fails if that entry changed.
 */
import { auditPaths, EMPTY_HEAD, type Head } from './audit-file.js';
import { entryHash } from './entry.js';
import { readLines, type TrailLine } from './read-lines.js';
import { snapshot } from './snapshot.js';

export type AuditProblemKind =
  | 'not-json'
  | 'torn'
  | 'malformed'
  | 'edited'
  | 'removed'
  | 'reordered'
  | 'chain-broken'
  | 'truncated'
  | 'head-missing'
  | 'head-unreadable'
  | 'head-mismatch'
  | 'anchor-mismatch';

export interface AuditProblem {
  /** The line of trail.jsonl (from 1); for a truncated file, the line where the missing entries belong. */
  readonly line: number;
  /** The seq found on that line, when it has one. */
  readonly seq: number | null;
  readonly kind: AuditProblemKind;
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries checked and found good (up to the first problem). */
  readonly entries: number;
  /** The last good entry's seq and hash. */
  readonly head: Head;
  readonly problem: AuditProblem | null;
  /** Not tampering, but worth knowing (head.json behind the file after a crash). */
  readonly warnings: readonly string[];
  readonly file: string;
}

export interface VerifyOptions {
  /** A head noted elsewhere earlier: the entry with that seq must still have that hash. */
  readonly anchor?: Head | undefined;
}

/** How far past a seq anomaly to look for the missing entry (to tell "removed" from "reordered"). */
const LOOKAHEAD = 10_000;

interface Parsed {
  readonly seq: number;
  readonly prev: string;
  readonly hash: string;
  readonly body: Record<string, unknown>;
}

function parse(line: TrailLine): Parsed | Omit<AuditProblem, 'line'> {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    return line.complete
      ? { seq: null, kind: 'not-json', message: 'not JSON' }
      : { seq: null, kind: 'torn', message: 'the last line is incomplete (cut, or a crash while writing it)' };
  }
  const body = value as Record<string, unknown>;
  const { seq, prev, hash } = (value ?? {}) as { seq?: unknown; prev?: unknown; hash?: unknown };
  if (typeof value !== 'object' || value === null || !Number.isSafeInteger(seq) || typeof prev !== 'string' || typeof hash !== 'string') {
    return { seq: Number.isSafeInteger(seq) ? (seq as number) : null, kind: 'malformed', message: 'not an audit entry (seq, prev or hash missing)' };
  }
  return { seq: seq as number, prev, hash, body };
}

export async function verifyTrail(dataDir: string, { anchor }: VerifyOptions = {}): Promise<AuditVerification> {
  const paths = auditPaths(dataDir);
  const { head, size } = await snapshot(paths);
  const warnings: string[] = [];
  let good: Head = EMPTY_HEAD;
  let entries = 0;
  let lastLine = 0;
  let headHashSeen: string | undefined;
  let anchorHashSeen: string | undefined;
  const result = (problem: AuditProblem | null): AuditVerification => ({
    ok: problem === null,
    entries,
    head: good,
    problem,
    warnings,
    file: paths.trail,
  });

  const lines = readLines(paths.trail, size);
  for await (const line of lines) {
    lastLine = line.number;
    const parsed = parse(line);
    if (!('body' in parsed)) return result({ line: line.number, ...parsed });
    const { seq, prev, hash, body } = parsed;
    const at = (kind: AuditProblemKind, message: string) => result({ line: line.number, seq, kind, message });
    if (entryHash(body) !== hash) return at('edited', `entry ${seq} does not match its hash: edited`);
    const expected = good.seq + 1;
    if (seq !== expected) {
      // Is the entry that belongs here further on (reordered), or gone (removed)?
      let later: number | undefined;
      let looked = 0;
      for await (const next of lines) {
        if (++looked > LOOKAHEAD) break;
        const p = parse(next);
        if ('body' in p && p.seq === expected) {
          later = next.number;
          break;
        }
      }
      if (later !== undefined) {
        return at('reordered', `holds entry ${seq} where entry ${expected} belongs (found at line ${later}): reordered`);
      }
      if (seq > expected) {
        const gap = seq - 1 === expected ? `entry ${expected} is` : `entries ${expected} to ${seq - 1} are`;
        return at('removed', `${gap} missing before entry ${seq}: removed`);
      }
      return at('reordered', `entry ${seq} comes again after entry ${good.seq}: reordered or repeated`);
    }
    if (prev !== good.hash) {
      return at(
        'chain-broken',
        `entry ${seq} does not follow the entry before it (its prev is not that entry's hash): line ${line.number - 1} or this one was rewritten`,
      );
    }
    good = { seq, hash };
    entries++;
    if (typeof head === 'object' && seq === head.seq) headHashSeen = hash;
    if (anchor && seq === anchor.seq) anchorHashSeen = hash;
  }

  const end = lastLine + 1;
  if (head === 'unreadable') {
    return result({ line: end, seq: null, kind: 'head-unreadable', message: `${paths.head} is not a head ({seq, hash})` });
  }
  if (head === undefined) {
    if (entries > 0) {
      return result({
        line: end,
        seq: null,
        kind: 'head-missing',
        message: `${paths.head} is missing: removal of the last entries cannot be ruled out`,
      });
    }
  } else if (head.seq > good.seq) {
    const gap = head.seq === good.seq + 1 ? `entry ${head.seq} is` : `entries ${good.seq + 1} to ${head.seq} are`;
    return result({
      line: end,
      seq: null,
      kind: 'truncated',
      message: `the file ends at entry ${good.seq} but the head names entry ${head.seq}: ${gap} missing at the end (truncated)`,
    });
  } else if (head.seq > 0 && headHashSeen !== head.hash) {
    return result({
      line: head.seq,
      seq: head.seq,
      kind: 'head-mismatch',
      message: `entry ${head.seq} is not the one the head names (different hash): the file was rewritten`,
    });
  } else if (head.seq < good.seq) {
    warnings.push(
      `head.json names entry ${head.seq}, the file goes on to ${good.seq} (a crash between an append and the head update?)`,
    );
  }
  if (anchor) {
    if (anchor.seq > good.seq) {
      return result({
        line: end,
        seq: null,
        kind: 'truncated',
        message: `the anchor names entry ${anchor.seq} but the file ends at entry ${good.seq} (truncated)`,
      });
    }
    if (anchor.seq > 0 && anchorHashSeen !== anchor.hash) {
      return result({
        line: anchor.seq,
        seq: anchor.seq,
        kind: 'anchor-mismatch',
        message: `entry ${anchor.seq} does not have the anchored hash: the trail was rewritten since it was noted`,
      });
    }
  }
  return result(null);
}
