/**
 * A store whose runRead can be held open (tests of the limits that count operations in flight or their
 * time): the real store behind a Proxy, every other method passed through.
 */
import type { GraphStore, ReadOptions } from '../store/port.js';

/** runRead waits for `open()` while `held` is set; `failNext` makes the next one throw. */
export function gatedStore(real: GraphStore) {
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  let failNext = false;
  // The options of every runRead, in order: what the limits passed down.
  const reads: ReadOptions[] = [];
  const store = new Proxy(real, {
    get(target, name, receiver) {
      if (name !== 'runRead') return Reflect.get(target, name, receiver) as unknown;
      return async (...args: Parameters<GraphStore['runRead']>) => {
        if (failNext) {
          failNext = false;
          throw new Error('engine fell over');
        }
        reads.push(args[2]);
        await gate?.promise;
        return target.runRead(...args);
      };
    },
  });
  return {
    store,
    hold() {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    open() {
      gate?.open();
      gate = undefined;
    },
    failNext: () => (failNext = true),
    reads,
  };
}
