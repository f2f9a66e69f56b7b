import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { LayoutName } from '../scene/types';
import { layoutAdded } from './incremental-layout';
import { positionsOf, runLayout, runTrailLayout } from './layouts';

function star(n: number, placed = true): ElementDefinition[] {
  const out: ElementDefinition[] = [
    { data: { id: 'hub', kind: 'CrimeGroup' }, ...(placed && { position: { x: 0, y: 0 } }) },
  ];
  for (let i = 0; i < n; i++) {
    out.push({
      data: { id: `n${i}`, kind: 'Person' },
      ...(placed && { position: { x: 100 * Math.cos(i), y: 100 * Math.sin(i) } }),
    });
    out.push({ data: { id: `e${i}`, source: 'hub', target: `n${i}` } });
  }
  return out;
}

const headless = (elements: ElementDefinition[]): Core =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
  });

describe('layouts (headless)', () => {
  it.each<LayoutName>(['fcose', 'concentric', 'dagre', 'grid'])('%s places every node apart', async (name) => {
    const cy = headless(star(12, false));
    await runLayout(cy, name, { animate: false });
    const seen = new Set(cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
    expect(seen.size).toBe(13);
  });

  it('preset keeps the positions the scene gave', async () => {
    const cy = headless(star(3));
    const before = positionsOf(cy);
    await runLayout(cy, 'preset', { animate: false });
    expect(positionsOf(cy)).toEqual(before);
  });

  it('leaves pinned (locked) nodes where they are', async () => {
    const cy = headless(star(8, false));
    cy.getElementById('hub').position({ x: 777, y: -333 }).lock();
    await runLayout(cy, 'fcose', { animate: false });
    expect(cy.getElementById('hub').position()).toEqual({ x: 777, y: -333 });
  });

  it('lays out what was added without moving what was there, near what it links to', async () => {
    const cy = headless(star(6));
    const before = positionsOf(cy);
    cy.add([
      { data: { id: 'new1' } },
      { data: { id: 'new2' } },
      { data: { id: 'x1', source: 'n2', target: 'new1' } },
      { data: { id: 'x2', source: 'n2', target: 'new2' } },
      { data: { id: 'lonely' } },
    ]);
    await layoutAdded(cy, ['new1', 'new2', 'lonely'], { animate: false });
    const after = positionsOf(cy);
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p);
    const n2 = cy.getElementById('n2').position();
    for (const id of ['new1', 'new2']) {
      const p = cy.getElementById(id).position();
      expect(Math.hypot(p.x - n2.x, p.y - n2.y), id).toBeLessThan(400);
    }
    expect(cy.getElementById('new1').position()).not.toEqual(cy.getElementById('new2').position());
    expect(cy.getElementById('lonely').position('x')).toBeGreaterThan(
      cy.nodes().difference('#lonely').boundingBox({}).x1,
    );
  });

  it('keeps what was added off the nodes already there (a crowded hub gets 12 more)', async () => {
    const cy = headless(star(10));
    const fresh = Array.from({ length: 12 }, (_, i) => `m${i}`);
    cy.add(fresh.flatMap((id) => [{ data: { id } }, { data: { id: `x-${id}`, source: 'hub', target: id } }]));
    await layoutAdded(cy, fresh, { animate: false });
    const nodes = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
    for (const a of nodes.filter((n) => fresh.includes(n.id))) {
      for (const b of nodes) {
        if (a.id !== b.id) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} and ${b.id}`).toBeGreaterThan(45);
      }
    }
  });

  it('lays a money trail out left to right, clear of the rest', async () => {
    const cy = headless([
      ...star(4),
      { data: { id: 'victim' } },
      { data: { id: 'w1' } },
      { data: { id: 'w2' } },
      { data: { id: 'p1', source: 'victim', target: 'w1' } },
      { data: { id: 'p2', source: 'w1', target: 'w2' } },
    ]);
    const rest = positionsOf(cy, cy.nodes().difference('#victim, #w1, #w2'));
    await runTrailLayout(cy, cy.$('#victim, #w1, #w2, #p1, #p2'), { animate: false, fit: false });
    const x = (id: string) => cy.getElementById(id).position('x');
    expect(x('victim')).toBeLessThan(x('w1'));
    expect(x('w1')).toBeLessThan(x('w2'));
    expect(positionsOf(cy, cy.nodes().difference('#victim, #w1, #w2'))).toEqual(rest);
  });
});
