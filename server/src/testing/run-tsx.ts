import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** For tests: runs a TypeScript entry point the way `pnpm start` and `pnpm ringtrace` do, with tsx. */
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const serverRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment a child sees: the caller's, minus anything that would point it at a real store
 * (NEO4J_URI set for the contract suite, RINGTRACE_DATA), plus `env`.
 */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of Object.keys(base))
    if (name.startsWith('NEO4J_') || name.startsWith('RINGTRACE_')) delete base[name];
  return { ...base, LOG_LEVEL: 'info', ...env };
}

/** Starts `server/<entry>` (e.g. `src/cli/main.ts`) with tsx. */
export function startTsx(entry: string, args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [tsxCli, `${serverRoot}${entry}`, ...args], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs it to the end and collects its output. */
export function runTsx(entry: string, args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  const child = startTsx(entry, args, env);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
