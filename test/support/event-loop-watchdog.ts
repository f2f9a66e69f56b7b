/**
 * Kills a test process whose event loop has stopped turning. A native call that never returns (Kuzu
 * spinning in a query holding a mutex that a synchronous call waits on) blocks the event loop, so none of
 * vitest's timeouts can fire inside the worker and the main process waits for it forever: CI then ends
 * at its own limit with nothing said. A worker thread, which has an event loop of its own, watches a
 * heartbeat the main thread writes every second; when the heartbeat is older than the limit it names the
 * test that was running on stderr and SIGKILLs the process, so vitest reports the file as failed
 * ("Worker exited unexpectedly") and the run goes on.
 */
import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface WatchdogOptions {
  /** How long the event loop may stay blocked. */
  readonly limitMs: number;
  /** How often the main thread beats (default 1 s). */
  readonly beatMs?: number;
}

export interface Watchdog {
  /** What is running now, named in the message if the process is killed. */
  running(what: string): void;
  stop(): void;
}

// Plain JavaScript as a data: URL (always an ES module): it runs without the TypeScript loader.
const WATCHER = `
import { workerData, parentPort } from 'node:worker_threads';
import { writeSync } from 'node:fs';
const beat = new BigInt64Array(workerData.heartbeat);
let running = '(no test started yet)';
parentPort.on('message', (m) => { running = m; });
setInterval(() => {
  const blockedMs = Date.now() - Number(Atomics.load(beat, 0));
  if (blockedMs <= workerData.limitMs) return;
  writeSync(2, '\\nevent-loop watchdog: the event loop of process ' + process.pid + ' has been blocked for ' +
    Math.round(blockedMs / 1000) + ' s (limit ' + workerData.limitMs / 1000 + ' s, RINGTRACE_TEST_STALL_MS) while running: ' +
    running + '\\nA native call that never returns? Killing the process so the run goes on.\\n');
  process.kill(process.pid, 'SIGKILL');
}, Math.min(1000, workerData.limitMs / 4));
`;

export function startEventLoopWatchdog(options: WatchdogOptions): Watchdog {
  const heartbeat = new SharedArrayBuffer(8);
  const beat = new BigInt64Array(heartbeat);
  const touch = () => Atomics.store(beat, 0, BigInt(Date.now()));
  touch();
  const timer = setInterval(touch, options.beatMs ?? 1000);
  timer.unref();
  const watcher = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WATCHER)}`), {
    workerData: { heartbeat, limitMs: options.limitMs },
  });
  // Neither the heartbeat nor the watcher keeps a finished process alive.
  watcher.unref();
  watcher.on('error', (error) => writeSync(2, `event-loop watchdog failed: ${String(error)}\n`));
  return {
    running: (what) => watcher.postMessage(what),
    stop() {
      clearInterval(timer);
      void watcher.terminate();
    },
  };
}
