/**
 * Child process of `main.ts`: runs one scale (options as JSON in argv[2]) and sends the result over IPC.
 * Load progress goes to the parent too, so it can say how far a load got if this process dies or
 * runs out of time.
 */
import { runScale, type ScaleOptions } from './run-scale.js';

export type ChildMessage =
  | { readonly type: 'progress'; readonly progress: string }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'loaded'; readonly result: Awaited<ReturnType<typeof runScale>> }
  | { readonly type: 'result'; readonly result: Awaited<ReturnType<typeof runScale>> };

const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

const options = JSON.parse(process.argv[2]!) as ScaleOptions;
let last = 0;
const result = await runScale({
  ...options,
  onLoadProgress: (progress) => {
    if (performance.now() - last < 1000) return;
    last = performance.now();
    void send({ type: 'progress', progress });
  },
  onLoaded: (loaded) => void send({ type: 'loaded', result: loaded }),
  log: (line) => void send({ type: 'log', line }),
});
await send({ type: 'result', result });
process.disconnect();
