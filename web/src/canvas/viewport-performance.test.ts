import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { textureWhileMoving } from './viewport-performance';

function scene(n: number) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}` } })),
  });
}

const flag = (cy: cytoscape.Core) =>
  (cy as unknown as { renderer(): { textureOnViewport?: boolean } }).renderer().textureOnViewport;

describe('textureWhileMoving', () => {
  it('moves a large scene as a bitmap (no labels or arrows drawn while moving), a small one live', () => {
    const big = scene(50);
    const perf = textureWhileMoving(big, { threshold: 50 });
    expect(perf.texturing).toBe(true);
    expect(flag(big)).toBe(true);
    const small = scene(10);
    expect(textureWhileMoving(small, { threshold: 50 }).texturing).toBe(false);
    expect(flag(small)).toBe(false);
  });

  it('follows the scene as it grows and shrinks, and adds no per-frame work on the elements', () => {
    const cy = scene(10);
    const perf = textureWhileMoving(cy, { threshold: 50 });
    cy.add(Array.from({ length: 45 }, (_, i) => ({ data: { id: `m${i}` } })));
    perf.update();
    expect(flag(cy)).toBe(true);
    let restyled = 0;
    cy.on('style class', () => restyled++);
    cy.pan({ x: 10, y: 0 });
    cy.zoom(1.5);
    expect(restyled).toBe(0);
    expect(cy.elements().every((e) => e.classes().length === 0)).toBe(true);
    cy.remove('node[id ^= "m"]');
    perf.update();
    expect(flag(cy)).toBe(false);
  });
});
