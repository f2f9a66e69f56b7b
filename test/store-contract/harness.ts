import type { GraphStore } from '@ringtrace/server/store/port.js';
import { afterAll, beforeAll, expect } from 'vitest';

export type OpenStore = () => Promise<GraphStore>;

/** A store of its own for one describe block: opened empty before, closed after. */
export function useStore(open: OpenStore): { readonly store: GraphStore } {
  let store: GraphStore | undefined;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store?.close();
  });
  return {
    get store() {
      if (!store) throw new Error('store not open');
      return store;
    },
  };
}

/** Expects a DomainError with `code` whose message mentions every word of `mentions`. */
export async function rejectsWith(promise: Promise<unknown>, code: string, ...mentions: string[]) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(Error);
  expect(error).toMatchObject({ code });
  for (const m of mentions) expect((error as Error).message).toContain(m);
}
