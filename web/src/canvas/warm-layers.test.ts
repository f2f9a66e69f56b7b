import cytoscape from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warmLayersWhenStill } from './warm-layers';

const nodes = (n: number, prefix = 'n') => Array.from({ length: n }, (_, i) => ({ data: { id: `${prefix}${i}` } }));
const flag = (cy: cytoscape.Core) =>
  (cy as unknown as { renderer(): { textureOnViewport?: boolean } }).renderer().textureOnViewport;

describe('warmLayersWhenStill', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws one frame once a large scene has been still for settleMs, none while it changes', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const render = vi.spyOn(cy, 'forceRender');
    const warm = warmLayersWhenStill(cy, { threshold: 50, settleMs: 400 });
    cy.add(nodes(60));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(300);
      cy.$id(`n${i}`).position({ x: i, y: i }); // a layout still running
    }
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(render).toHaveBeenCalledTimes(1);
    expect(warm.warmed).toBe(1);
    // A restyle (a selection's highlight) warms again; panning and zooming do not.
    cy.pan({ x: 10, y: 0 });
    cy.zoom(1.5);
    vi.advanceTimersByTime(1000);
    expect(render).toHaveBeenCalledTimes(1);
    cy.$id('n1').addClass('selected');
    vi.advanceTimersByTime(400);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('leaves a small scene alone, keeps textureOnViewport off, and stops listening when stopped', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: nodes(10) });
    const render = vi.spyOn(cy, 'forceRender');
    const warm = warmLayersWhenStill(cy, { threshold: 50 });
    cy.add(nodes(5, 'm'));
    vi.advanceTimersByTime(1000);
    expect(render).not.toHaveBeenCalled();
    expect(flag(cy)).toBeFalsy();
    warm.stop();
    cy.add(nodes(60, 'k'));
    vi.advanceTimersByTime(1000);
    expect(render).not.toHaveBeenCalled();
  });
});
