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
  const mixes = hostileMixes(o.hubs);
  const expensive = Math.max(1, Math.round(o.connections / 4));
  const run = (connections: number, mix: typeof mixes.expensive, seed: number, recorder: Recorder) =>
    runPhase({
      url: o.url,
      connections,
      seconds: o.seconds,
      requests: hostileRequests(mix, o.token, recorder, seed),
      recorder,
      seed,
    });
  const recorders = [new Recorder(1), new Recorder(1)] as const;
  const [a, b] = await Promise.all([
    run(expensive, mixes.expensive, o.seed, recorders[0]),
    ...(o.connections > expensive ? [run(o.connections - expensive, mixes.refused, o.seed + 1, recorders[1])] : []),
  ]);
  // Both populations as one client: the answers merged, autocannon's error counts added.
  recorders[0].absorb(recorders[1]);
  const figures = recorders[0].figures();
  const answered = Object.values(figures.all.statuses).reduce((x, y) => x + y, 0);
  const result: PhaseResult = {
    ...a!,
    connections: o.connections,
    sent: a!.sent + (b?.sent ?? 0),
    requests: answered,
    throughput: answered / o.seconds,
    autocannon: {
      ...a!.autocannon,
      errors: a!.autocannon.errors + (b?.autocannon.errors ?? 0),
      timeouts: a!.autocannon.timeouts + (b?.autocannon.timeouts ?? 0),
      non2xx: a!.autocannon.non2xx + (b?.autocannon.non2xx ?? 0),
    },
    ...figures,
  };
  await send({ type: 'done', result });
} catch (error) {
  await send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
process.disconnect();
