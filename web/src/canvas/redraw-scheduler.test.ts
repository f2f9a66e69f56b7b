import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleRedraws } from './redraw-scheduler';

describe('scheduleRedraws (the minimap thumbnail)', () => {
  afterEach(() => vi.useRealTimers());

  it('redraws once after a burst of graph changes, never for viewport motion alone', () => {
    vi.useFakeTimers();
    const redraw = vi.fn();
    const s = scheduleRedraws(redraw, 300, () => Date.now());
    for (let i = 0; i < 50; i++) s.moved();
    vi.advanceTimersByTime(1000);
    expect(redraw).not.toHaveBeenCalled();
    for (let i = 0; i < 1000; i++) s.changed();
    vi.advanceTimersByTime(299);
    expect(redraw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(redraw).toHaveBeenCalledTimes(1);
  });

  it('holds a due redraw while the viewport keeps moving, and can be cancelled', () => {
    vi.useFakeTimers();
    const redraw = vi.fn();
    const s = scheduleRedraws(redraw, 300, () => Date.now());
    s.changed();
    for (let t = 0; t < 1000; t += 16) {
      s.moved(); // a pan, one event per frame
      vi.advanceTimersByTime(16);
    }
    expect(redraw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(redraw).toHaveBeenCalledTimes(1);
    s.changed();
    s.cancel();
    vi.advanceTimersByTime(1000);
    expect(redraw).toHaveBeenCalledTimes(1);
  });
});
