/**
 * The files of the trail in <dataDir>/audit/: `trail.jsonl` (one entry a line, append only) and
 * `head.json` ({seq, hash} of the last entry written, so removing the last lines is detected too).
 * Several processes append (the server and CLI commands run beside it): each batch is written under a
 * lock (proper-lockfile: a `trail.jsonl.lock` directory, taken over when stale), after reading the file's
 * last line for the seq and hash to continue from, in one write, then fsync, then the head replaced
 * atomically. One file, never rotated (a year at 1,000 requests a second would be about 10 TB: rotation
 * with a chained manifest is left for when it is needed).
 */
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { GENESIS, entryHash, entryLine, type AuditEntry, type AuditEvent } from './entry.js';

export const AUDIT_DIR = 'audit';
export const TRAIL_FILE = 'trail.jsonl';
export const HEAD_FILE = 'head.json';

export interface AuditPaths {
  readonly dir: string;
  readonly trail: string;
  readonly head: string;
}

export function auditPaths(dataDir: string): AuditPaths {
  const dir = join(dataDir, AUDIT_DIR);
  return { dir, trail: join(dir, TRAIL_FILE), head: join(dir, HEAD_FILE) };
}

export interface Head {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_HEAD: Head = { seq: 0, hash: GENESIS };

/** head.json; undefined when it does not exist, `'unreadable'` when it is there but not a head. */
export async function readHead(paths: AuditPaths): Promise<Head | undefined | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(paths.head, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const head = JSON.parse(text) as Partial<Head>;
    if (Number.isSafeInteger(head.seq) && typeof head.hash === 'string') return { seq: head.seq!, hash: head.hash };
  } catch {
    // reported below
  }
  return 'unreadable';
}

const TAIL_CHUNK = 64 * 1024;

/**
 * The last complete line's seq and hash, read from the end of the file. Bytes after the last newline
 * are a line torn by a crash mid-write (the write is one call, so only a crash leaves one): they were
 * never acknowledged, so they are cut off (and reported) before appending. A last line that does not
 * parse is not guessed at: the write fails, loudly, until someone looks (verify names the line).
 */
async function readTail(file: FileHandle): Promise<{ head: Head; tornBytes: number; size: number }> {
  const { size } = await file.stat();
  // Bytes, not text: a newline byte never occurs inside a UTF-8 character, and a chunk may cut one.
  let buf = Buffer.alloc(0);
  let start = size;
  const more = async () => {
    const from = Math.max(0, start - TAIL_CHUNK);
    const chunk = Buffer.alloc(start - from);
    await file.read(chunk, 0, chunk.length, from);
    buf = Buffer.concat([chunk, buf]);
    start = from;
  };
  // The end of the last complete line: the last newline (anything after it is torn).
  let end = -1;
  while (end < 0 && start > 0) {
    await more();
    end = buf.lastIndexOf(0x0a);
  }
  if (end < 0) return { head: EMPTY_HEAD, tornBytes: size, size };
  const tornBytes = buf.length - end - 1;
  let begin = end === 0 ? -1 : buf.lastIndexOf(0x0a, end - 1);
  while (begin < 0 && start > 0) {
    const grown = start - Math.max(0, start - TAIL_CHUNK);
    await more();
    end += grown;
    begin = buf.lastIndexOf(0x0a, end - 1);
  }
  const last = buf.subarray(begin + 1, end).toString('utf8');
  if (last === '') return { head: EMPTY_HEAD, tornBytes, size };
  let parsed: Partial<AuditEntry> | undefined;
  try {
    parsed = JSON.parse(last) as Partial<AuditEntry>;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !Number.isSafeInteger(parsed.seq) || typeof parsed.hash !== 'string') {
    throw new Error('the last line of the audit trail is not an entry: run `ringtrace audit verify`');
  }
  return { head: { seq: parsed.seq!, hash: parsed.hash }, tornBytes, size };
}

export interface LockOptions {
  /** Called when another process took the lock over as stale while this one held it. */
  readonly onCompromised: (error: Error) => void;
}

/** The entries written, with their seq and hash, and how many torn bytes were cut first. */
export interface AppendResult {
  readonly entries: AuditEntry[];
  readonly tornBytes: number;
  readonly head: Head;
}

/** Appends a batch under the lock: continues the chain from the file's last line, fsyncs, moves the head. */
export async function appendBatch(
  paths: AuditPaths,
  events: readonly (AuditEvent & { at: string })[],
  { onCompromised }: LockOptions,
): Promise<AppendResult> {
  mkdirSync(paths.dir, { recursive: true });
  const release = await lockfile.lock(paths.trail, {
    realpath: false,
    stale: 10_000,
    retries: { retries: 200, factor: 1.3, minTimeout: 2, maxTimeout: 100 },
    onCompromised,
  });
  try {
    const file = await open(paths.trail, 'a+');
    try {
      const { head, tornBytes, size } = await readTail(file);
      if (tornBytes > 0) await file.truncate(size - tornBytes);
      let { seq, hash: prev } = head;
      const entries: AuditEntry[] = [];
      for (const event of events) {
        const body = { ...event, seq: ++seq, size: event.size ?? {}, prev };
        const entry: AuditEntry = { ...body, hash: entryHash(body) };
        entries.push(entry);
        prev = entry.hash;
      }
      await file.write(entries.map((e) => `${entryLine(e)}\n`).join(''));
      await file.sync();
      const next: Head = { seq, hash: prev };
      // Atomic: a reader sees the old head or the new one; a crash before the rename leaves it one batch behind.
      await writeFile(`${paths.head}.tmp`, `${JSON.stringify(next)}\n`);
      await rename(`${paths.head}.tmp`, paths.head);
      return { entries, tornBytes, head: next };
    } finally {
      await file.close();
    }
  } finally {
    await release();
  }
}
