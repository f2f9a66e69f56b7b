/** The watchdog kills a process whose event loop is blocked, and names what was running; it leaves a healthy one alone. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const watchdog = pathToFileURL(fileURLToPath(new URL('./event-loop-watchdog.ts', import.meta.url))).href;

/** Runs `body` in a child with a 1 s watchdog; resolves with how it ended. */
function child(
  body: string,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string; ms: number }> {
  const script = `
    const { startEventLoopWatchdog } = await import(${JSON.stringify(watchdog)});
    const w = startEventLoopWatchdog({ limitMs: 1000, beatMs: 100 });
    w.running('the blocking test');
    ${body}`;
  const started = Date.now();
  const proc = spawn(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stderr, ms: Date.now() - started })),
  );
}

describe('event-loop watchdog', () => {
  it('SIGKILLs a process whose event loop stays blocked, naming the test that was running', async () => {
    const ended = await child('setTimeout(() => { for (;;); }, 200);');
    expect(ended.signal).toBe('SIGKILL');
    expect(ended.stderr).toMatch(
      /event-loop watchdog: .* blocked for \d+ s \(limit 1 s.*while running: the blocking test/,
    );
  }, 20_000);

  it('lets a busy but turning process finish, and does not keep it alive', async () => {
    // 3 s of work in 50 ms slices: longer than the limit in all, never blocked for long.
    const ended = await child(`
      const until = Date.now() + 3000;
      const slice = () => { const t = Date.now() + 50; while (Date.now() < t); if (Date.now() < until) setImmediate(slice); };
      slice();`);
    expect(ended).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(ended.ms).toBeLessThan(10_000);
  }, 20_000);
});
