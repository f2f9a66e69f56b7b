/** The hold on refusals, on fake timers: how long it waits, its cap, and how many it holds at once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefusalHold, NO_HOLD } from './refusal-hold.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Whether `p` has settled after the timers advance by `ms`. */
async function settledAfter(p: Promise<void>, ms: number) {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(ms);
  return done;
}

describe('refusal hold', () => {
  it('waits the time asked, at most maxMs', async () => {
    const hold = createRefusalHold({ maxMs: 1_000, maxHeld: 10 });
    const short = hold(300);
    expect(await settledAfter(short, 299)).toBe(false);
    expect(await settledAfter(short, 1)).toBe(true);
    const long = hold(60_000);
    expect(await settledAfter(long, 999)).toBe(false);
    expect(await settledAfter(long, 1)).toBe(true);
  });

  it('holds at most maxHeld at once; beyond, refusals go at once', async () => {
    const hold = createRefusalHold({ maxMs: 1_000, maxHeld: 2 });
    const held = [hold(1_000), hold(1_000)];
    expect(hold.held()).toBe(2);
    expect(await settledAfter(hold(1_000), 0)).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(held);
    expect(hold.held()).toBe(0);
    expect(await settledAfter(hold(1_000), 0)).toBe(false);
  });

  it('does not wait with maxMs 0, for a wait of 0, or as NO_HOLD', async () => {
    expect(await settledAfter(createRefusalHold({ maxMs: 0, maxHeld: 10 })(5_000), 0)).toBe(true);
    expect(await settledAfter(createRefusalHold({ maxMs: 1_000, maxHeld: 10 })(0), 0)).toBe(true);
    expect(await settledAfter(NO_HOLD(5_000), 0)).toBe(true);
  });
});
