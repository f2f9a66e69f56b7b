/** Child process of prepare-case.ts: prepare.ts with its options as JSON in argv[2], answered over IPC. */
import { prepare, type Prepared, type PrepareOptions } from './prepare.js';

export type PrepareMessage =
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'done'; readonly prepared: Prepared }
  | { readonly type: 'failed'; readonly error: string };

const send = (m: PrepareMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

const options = JSON.parse(process.argv[2]!) as PrepareOptions;
try {
  const prepared = await prepare(options, (line) => void send({ type: 'log', line }));
  await send({ type: 'done', prepared });
} catch (error) {
  await send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
process.disconnect();
