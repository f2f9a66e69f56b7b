/**
 * The real server (`ringtrace serve`: server/src/main.ts, configured by environment as `pnpm start` is)
 * in a child process of its own, so the load generators and the server do not share one event loop.
 * Its data directory is a fresh copy of the loaded database, so the tokens, the audit trail and anything
 * the server writes start from nothing on every run and the cache stays as loaded.
 */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkTs } from './fork-ts.js';

const SERVER_MAIN = fileURLToPath(new URL('../../../server/src/main.ts', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  /** RINGTRACE_DATA of the server: graph.kuzu, tokens.json, audit/. */
  readonly dataDir: string;
  readonly pid: number;
  /** The server's last lines of output (for a failure's message). */
  tail(): string;
  /** SIGTERM (graceful: running requests finish), SIGKILL after 10 s; then the data directory goes. */
  close(): Promise<void>;
}

/** A fresh data directory holding a copy of the loaded database. */
export async function freshDataDir(databaseFrom: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-bench-load-run-'));
  // A reflink where the file system has them, a plain copy otherwise.
  await copyFile(databaseFrom, join(dir, 'graph.kuzu'), constants.COPYFILE_FICLONE);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/** Starts the server on `dataDir` and resolves once `/ready` answers 200 (the store is open). */
export async function startServerProcess(dataDir: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = forkTs(SERVER_MAIN, [], {
    env: { ...process.env, RINGTRACE_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 30));
  };
  // Always drained: a full pipe would stall the server.
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const handle: ServerProcess = {
    url,
    dataDir,
    pid: child.pid!,
    tail: () => lines.join('\n'),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited(child);
        clearTimeout(force);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await handle.close();
      throw new Error(`the server exited while starting:\n${handle.tail()}`);
    }
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return handle;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await handle.close();
  throw new Error(`the server did not get ready in 180 s:\n${handle.tail()}`);
}
