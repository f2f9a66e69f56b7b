/**
 * The audit trail a process writes to: record() queues an entry and returns at once (a request never
 * waits on the disk, and recording never throws into it); a batch is written every FLUSH_MS or as soon as
 * BATCH_MAX entries wait (audit-file.ts: under the lock shared with other processes, fsync'd, head moved).
 * A failed write is logged at error and its entries stay queued, in order, for the next attempt; nothing
 * is dropped silently. Only past MAX_QUEUED waiting entries (the disk failing for a long time) are new
 * ones dropped, counted, logged, and written into the trail itself as one `audit` entry once writing works
 * again, so the gap is on the record.
 */
import type { Logger } from 'pino';
import type { Caller } from '../domain/access/caller.js';
import { appendBatch, auditPaths, EMPTY_HEAD, type AuditPaths, type Head } from './audit-file.js';
import type { AuditEvent, AuditWho } from './entry.js';
import { readTrail, type AuditFilter, type AuditPage } from './read-entries.js';
import { scrub } from './scrub.js';
import { snapshot } from './snapshot.js';
import { verifyTrail, type AuditVerification, type VerifyOptions } from './verify.js';

export const FLUSH_MS = 50;
export const BATCH_MAX = 500;
export const MAX_QUEUED = 100_000;
const RETRY_MS = 1000;

export interface AuditTrail {
  /** Queues an entry (variables scrubbed now); never throws, never waits. */
  record(event: AuditEvent): void;
  /** Writes everything queued so far; rejects if the write fails (the entries stay queued). */
  flush(): Promise<void>;
  read(filter?: AuditFilter): Promise<AuditPage>;
  verify(options?: VerifyOptions): Promise<AuditVerification>;
  /** head.json after flushing this process's queue: the last entry any process wrote (verify() checks it). */
  head(): Promise<Head>;
  /** Flushes, then stops the timer; records after close are logged and dropped. */
  close(): Promise<void>;
  readonly paths: AuditPaths;
}

export interface AuditTrailOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  /** For tests: a shorter or longer wait before a batch is written. */
  readonly flushMs?: number;
  readonly batchMax?: number;
  readonly maxQueued?: number;
}

/** The part of a Caller the trail keeps (never the token id's secret, which the Caller does not hold). */
export const whoOf = (caller: Caller | undefined | null): AuditWho | null =>
  caller ? { id: caller.id, name: caller.name, role: caller.role, via: caller.via } : null;

type Queued = AuditEvent & { at: string };

export function openAuditTrail({
  dataDir,
  logger,
  flushMs = FLUSH_MS,
  batchMax = BATCH_MAX,
  maxQueued = MAX_QUEUED,
}: AuditTrailOptions): AuditTrail {
  const log = logger.child({ component: 'audit' });
  const paths = auditPaths(dataDir);
  let queue: Queued[] = [];
  let dropped = 0;
  /** Entries queued and written since opening: flush() waits until `written` reaches `queued` as of its call. */
  let queued = 0;
  let written = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let failing = false;
  let closed = false;

  const schedule = (ms: number) => {
    if (timer || writing) return;
    timer = setTimeout(() => {
      timer = undefined;
      void write().catch(() => undefined);
    }, ms);
    // A pending batch does not keep a CLI command alive; shutdown calls flush()/close().
    timer.unref();
  };

  /** One batch (at most batchMax), then the next if more wait. Only one write runs at a time. */
  function write(): Promise<void> {
    if (writing) return writing;
    if (queue.length === 0 && dropped === 0) return Promise.resolve();
    const batch = queue.slice(0, batchMax);
    const lost = dropped;
    if (lost > 0) {
      batch.unshift({
        who: null,
        action: { kind: 'audit', name: 'entries dropped' },
        outcome: { status: 'error', code: 'AUDIT_QUEUE_FULL' },
        size: { items: lost },
        durationMs: 0,
        at: new Date().toISOString(),
      });
    }
    writing = appendBatch(paths, batch, {
      onCompromised: (error) => log.error({ err: error }, 'audit trail lock taken over while writing'),
    }).then(
      ({ tornBytes }) => {
        const kept = batch.length - (lost > 0 ? 1 : 0);
        queue = queue.slice(kept);
        written += kept;
        dropped -= lost;
        if (tornBytes > 0) log.warn({ tornBytes, file: paths.trail }, 'cut an incomplete last line of the audit trail');
        if (failing) log.warn({ file: paths.trail }, 'audit trail writable again');
        failing = false;
        writing = undefined;
        if (queue.length > 0 || dropped > 0) schedule(queue.length >= batchMax ? 0 : flushMs);
      },
      (error: unknown) => {
        writing = undefined;
        failing = true;
        log.error(
          { err: error, queued: queue.length, file: paths.trail },
          'AUDIT TRAIL WRITE FAILED: entries stay queued and are retried',
        );
        if (!closed) schedule(RETRY_MS);
        throw error;
      },
    );
    return writing;
  }

  const trail: AuditTrail = {
    paths,
    record(event) {
      try {
        if (closed) {
          log.error({ action: event.action.name }, 'audit entry recorded after the trail was closed: not written');
          return;
        }
        if (queue.length >= maxQueued) {
          if (dropped++ === 0) log.error({ maxQueued }, 'AUDIT QUEUE FULL: dropping entries (counted in the trail)');
          return;
        }
        const { action } = event;
        const variables = action.variables === undefined ? undefined : scrub(action.variables);
        queued++;
        queue.push({
          ...event,
          at: event.at ?? new Date().toISOString(),
          action:
            variables === undefined
              ? action
              : { ...action, variables: variables.value, ...(variables.truncated && { truncated: variables.truncated }) },
        });
        if (queue.length >= batchMax && !writing) {
          clearTimeout(timer);
          timer = undefined;
          schedule(0);
        } else schedule(flushMs);
      } catch (error) {
        log.error({ err: error }, 'could not record an audit entry');
      }
    },
    async flush() {
      clearTimeout(timer);
      timer = undefined;
      // Write until everything recorded before this call is on disk (later records may ride along).
      const target = queued;
      while (written < target || dropped > 0) {
        if (writing) await writing;
        else await write();
      }
    },
    async read(filter) {
      await trail.flush().catch(() => undefined);
      return readTrail(dataDir, filter);
    },
    async verify(options) {
      await trail.flush().catch(() => undefined);
      return verifyTrail(dataDir, options);
    },
    async head() {
      await trail.flush().catch(() => undefined);
      const { head } = await snapshot(paths);
      return typeof head === 'object' ? head : EMPTY_HEAD;
    },
    async close() {
      try {
        await trail.flush();
      } finally {
        closed = true;
        clearTimeout(timer);
        timer = undefined;
      }
    },
  };
  return trail;
}
