import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hideDetailWhileMoving, MOVING_CLASS } from './viewport-performance';

function scene(n: number) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}` } })),
  });
}

describe('hideDetailWhileMoving', () => {
  afterEach(() => vi.useRealTimers());

  it('drops labels and arrows on a large scene while the viewport moves, and brings them back at rest', () => {
    vi.useFakeTimers();
    const cy = scene(50);
    hideDetailWhileMoving(cy, { threshold: 50, restMs: 100 });
    cy.pan({ x: 10, y: 0 });
    expect(cy.$(`.${MOVING_CLASS}`)).toHaveLength(50);
    vi.advanceTimersByTime(60);
    cy.zoom(1.5); // still moving: the rest timer starts over
    vi.advanceTimersByTime(60);
    expect(cy.$(`.${MOVING_CLASS}`)).toHaveLength(50);
    vi.advanceTimersByTime(100);
    expect(cy.$(`.${MOVING_CLASS}`)).toHaveLength(0);
  });

  it('leaves a small scene alone, and stops when detached', () => {
    vi.useFakeTimers();
    const cy = scene(10);
    const stop = hideDetailWhileMoving(cy, { threshold: 50 });
    cy.pan({ x: 10, y: 0 });
    expect(cy.$(`.${MOVING_CLASS}`)).toHaveLength(0);
    const big = scene(60);
    const detach = hideDetailWhileMoving(big, { threshold: 50 });
    detach();
    big.pan({ x: 5, y: 5 });
    expect(big.$(`.${MOVING_CLASS}`)).toHaveLength(0);
    stop();
  });
});
