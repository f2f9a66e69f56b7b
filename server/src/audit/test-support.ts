/** For the audit tests: a trail in a fresh directory, and events to record. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openAuditTrail, type AuditTrail } from './audit-trail.js';
import type { AuditEvent } from './entry.js';

export const silent = pino({ level: 'silent' });

export async function tempDataDir(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-audit-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export const openTrail = (dataDir: string, options: { flushMs?: number; batchMax?: number } = {}): AuditTrail =>
  openAuditTrail({ dataDir, logger: silent, ...options });

export const event = (name: string, variables?: unknown): AuditEvent => ({
  who: { id: 'token:0123456789abcdef', name: 'alice', role: 'admin', via: 'token' },
  action: { kind: 'graphql', name, type: 'query', ...(variables !== undefined && { variables }) },
  outcome: { status: 'ok' },
  size: { bytes: 100, items: 1 },
  durationMs: 3,
});
