/**
 * Child process of hostile.ts: the hostile client's autocannon runs (its expensive connections and its
 * refused and flooding ones, at the same time), in a process of its own so its work (1 MiB bodies,
 * thousands of refusals a second) does not slow the legitimate clients' event loop.
 */
import { hostileMixes, hostileRequests } from './hostile-mix.js';
import type { HostileOptions } from './hostile.js';
import { Recorder } from './recorder.js';
import { runPhase, type PhaseResult } from './run-phase.js';

export type HostileMessage =
  { readonly type: 'done'; readonly result: PhaseResult } | { readonly type: 'failed'; readonly error: string };

const send = (m: HostileMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

const o = JSON.parse(process.argv[2]!) as HostileOptions;
try {
  // One recorder for both: autocannon hands each answer's body and latency over synchronously, in turn.
  const recorder = new Recorder(1);
  const mixes = hostileMixes(o.hubs);
  const expensive = Math.max(1, Math.round(o.connections / 4));
  const run = (connections: number, mix: typeof mixes.expensive, seed: number) =>
    runPhase({
      url: o.url,
      connections,
      seconds: o.seconds,
      requests: hostileRequests(mix, o.token, recorder, seed),
      recorder,
      seed,
    });
  const [a, b] = await Promise.all([
    run(expensive, mixes.expensive, o.seed),
    ...(o.connections > expensive ? [run(o.connections - expensive, mixes.refused, o.seed + 1)] : []),
  ]);
  // Both runs read the same recorder at their end: the later one holds every answer.
  const result: PhaseResult = b
    ? {
        ...b,
        connections: o.connections,
        autocannon: {
          ...b.autocannon,
          errors: a!.autocannon.errors + b.autocannon.errors,
          timeouts: a!.autocannon.timeouts + b.autocannon.timeouts,
        },
      }
    : a!;
  await send({ type: 'done', result });
} catch (error) {
  await send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
process.disconnect();
