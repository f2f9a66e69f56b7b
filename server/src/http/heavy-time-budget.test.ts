/**
 * The server-time bucket on a fake clock: it starts full, refills at its rate up to the burst, keeps a
 * debt past zero until it is waited out, forgets full buckets, and binds only while another caller has
 * been seen within the window. A model check with fast-check compares it with the closed form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_WINDOW_MS, createHeavyTimeBudget, MIN_START_MS } from './heavy-time-budget.js';

function clocked(perSecondMs: number, burstMs: number) {
  let t = 0;
  const budget = createHeavyTimeBudget({ perSecondMs, burstMs }, () => t);
  return { budget, advance: (ms: number) => (t += ms) };
}

describe('heavy time budget', () => {
  it('starts full and lets an operation start at once', () => {
    const { budget } = clocked(100, 5_000);
    expect(budget.left('a')).toBe(5_000);
    expect(budget.waitMs('a')).toBe(0);
    expect(budget.size()).toBe(0);
  });

  it('keeps a debt past zero and makes the caller wait it out, then MIN_START_MS more', () => {
    const { budget, advance } = clocked(100, 5_000);
    budget.charge('a', 30_000);
    expect(budget.left('a')).toBe(-25_000);
    // (MIN_START_MS + 25,000 ms of debt) at 100 ms a second.
    expect(budget.waitMs('a')).toBe(((MIN_START_MS + 25_000) * 1000) / 100);
    advance(budget.waitMs('a'));
    expect(budget.left('a')).toBeCloseTo(MIN_START_MS);
    expect(budget.waitMs('a')).toBeCloseTo(0);
  });

  it('refills up to the burst and no further, then forgets the caller', () => {
    const { budget, advance } = clocked(250, 4_000);
    budget.charge('a', 1_000);
    expect(budget.left('a')).toBe(3_000);
    advance(2_000);
    expect(budget.left('a')).toBe(3_500);
    advance(60_000);
    expect(budget.left('a')).toBe(4_000);
    expect(budget.size()).toBe(0);
  });

  it('keeps one bucket per caller', () => {
    const { budget } = clocked(100, 5_000);
    budget.charge('a', 5_000);
    expect(budget.waitMs('a')).toBeGreaterThan(0);
    expect(budget.waitMs('b')).toBe(0);
  });

  it('binds only while another caller has been seen within the window', () => {
    const { budget, advance } = clocked(100, 5_000);
    budget.seen('a');
    expect(budget.shared('a')).toBe(false);
    budget.seen('b');
    expect(budget.shared('a')).toBe(true);
    expect(budget.shared('b')).toBe(true);
    advance(ACTIVE_WINDOW_MS / 2);
    budget.seen('a');
    advance(ACTIVE_WINDOW_MS / 2 + 1);
    // b's request is now older than the window; a's is not.
    expect(budget.shared('a')).toBe(false);
    expect(budget.shared('b')).toBe(true);
  });

  it('matches the closed form for any sequence of charges and pauses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ pause: fc.nat(20_000), charge: fc.nat(20_000) }), { maxLength: 30 }),
        (steps) => {
          const { budget, advance } = clocked(100, 5_000);
          let model = 5_000;
          for (const { pause, charge } of steps) {
            advance(pause);
            model = Math.min(5_000, model + pause / 10);
            expect(budget.left('k')).toBeCloseTo(model, 6);
            budget.charge('k', charge);
            model -= charge;
          }
        },
      ),
    );
  });

  it('refuses a bucket without a rate or a burst', () => {
    expect(() => createHeavyTimeBudget({ perSecondMs: 0, burstMs: 1 })).toThrow(/rate and a burst/);
  });
});
