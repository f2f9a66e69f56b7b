/**
 * Runs in every test process (vitest.config.ts `setupFiles`): the event-loop watchdog, told which test
 * is running. RINGTRACE_TEST_STALL_MS sets its limit (default 180 s: longer than any test's own timeout,
 * so a test that is merely slow fails by its timeout first).
 */
import { beforeEach, expect } from 'vitest';
import { startEventLoopWatchdog, type Watchdog } from './event-loop-watchdog.js';

const KEY = Symbol.for('ringtrace.eventLoopWatchdog');
const holder = globalThis as { [KEY]?: Watchdog };
// Setup files run again for every test file a process takes; one watchdog per process.
const watchdog = (holder[KEY] ??= startEventLoopWatchdog({
  limitMs: Number(process.env['RINGTRACE_TEST_STALL_MS'] ?? 180_000),
}));

beforeEach(() => {
  const { testPath, currentTestName } = expect.getState();
  watchdog.running(`${testPath ?? '?'} > ${currentTestName ?? '?'}`);
});
