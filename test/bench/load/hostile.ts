/** Runs the hostile client (hostile-mix.ts) alongside the legitimate ones, in a child process. */
import { fileURLToPath } from 'node:url';
import { forkTs } from './fork-ts.js';
import type { HostileMessage } from './hostile-child.js';
import type { PhaseResult } from './run-phase.js';

export interface HostileOptions {
  readonly url: string;
  readonly token: string;
  readonly hubs: string[];
  readonly connections: number;
  readonly seconds: number;
  readonly seed: number;
}

/** Starts at once; resolves with what the hostile client got when its run ends. */
export function runHostile(o: HostileOptions): Promise<PhaseResult> {
  const child = forkTs(fileURLToPath(new URL('./hostile-child.ts', import.meta.url)), [JSON.stringify(o)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let answer: HostileMessage | undefined;
    child.on('message', (m: HostileMessage) => (answer = m));
    child.on('exit', (code, signal) => {
      if (answer?.type === 'done') resolve(answer.result);
      else
        reject(
          new Error(
            `the hostile client failed: ${answer?.type === 'failed' ? answer.error : `exited (${signal ?? `code ${code}`})`}`,
          ),
        );
    });
  });
}
