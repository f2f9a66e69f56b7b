import cytoscape, { type Core } from 'cytoscape';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ElementData, ElementPatch } from '../scene/types';
import { applyPatch } from './apply-patch';

const node = (id: string, classes = 'kind-Person', position?: { x: number; y: number }): ElementData => ({
  group: 'nodes',
  data: { id, label: id, kind: 'Person' },
  classes,
  ...(position && { position }),
});
const edge = (id: string, source: string, target: string, data: Record<string, unknown> = {}): ElementData => ({
  group: 'edges',
  data: { id, source, target, type: 'CALLED', ...data },
  classes: '',
});
const patch = (p: Partial<ElementPatch>): ElementPatch => ({ add: [], remove: [], update: [], move: [], ...p });

describe('applyPatch', () => {
  let cy: Core;
  beforeEach(() => {
    cy = cytoscape({ headless: true, styleEnabled: true });
  });

  it('adds nodes and edges in one batch, edges listed before their ends included', () => {
    const batch = vi.spyOn(cy, 'batch');
    const result = applyPatch(
      cy,
      patch({ add: [edge('e1', 'a', 'b'), node('a', 'kind-Person', { x: 10, y: 20 }), node('b')] }),
    );
    expect(batch).toHaveBeenCalledTimes(1);
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['a', 'b']);
    expect(cy.getElementById('e1').source().id()).toBe('a');
    expect(cy.getElementById('a').position()).toEqual({ x: 10, y: 20 });
    expect(result.unplaced).toEqual(['b']); // a came with its position
    expect(result.skipped).toEqual([]);
  });

  it('skips an edge whose end is not drawn instead of throwing', () => {
    const result = applyPatch(cy, patch({ add: [node('a'), edge('e1', 'a', 'ghost')] }));
    expect(result.skipped).toEqual(['e1']);
    expect(cy.edges()).toHaveLength(0);
  });

  it('replaces data and classes on update, dropping keys the new value lacks', () => {
    applyPatch(cy, patch({ add: [node('a'), node('b'), edge('e1', 'a', 'b', { label: '3 calls', count: 3 })] }));
    applyPatch(
      cy,
      patch({
        update: [
          { ...node('a', 'kind-Person selected pinned') },
          {
            group: 'edges',
            data: { id: 'e1', source: 'a', target: 'b', type: 'CALLED', label: '4 calls' },
            classes: 'dimmed',
          },
        ],
      }),
    );
    expect(cy.getElementById('a').classes()).toEqual(['kind-Person', 'selected', 'pinned']);
    const e1 = cy.getElementById('e1');
    expect(e1.data('label')).toBe('4 calls');
    expect(e1.data('count')).toBeUndefined();
    expect(e1.classes()).toEqual(['dimmed']);
    expect(e1.source().id()).toBe('a');
  });

  it('removes by id, including a node whose edges went with it, and ignores ids not drawn', () => {
    applyPatch(cy, patch({ add: [node('a'), node('b'), edge('e1', 'a', 'b')] }));
    applyPatch(cy, patch({ remove: ['e1', 'a', 'never-drawn'] }));
    expect(cy.elements().map((e) => e.id())).toEqual(['b']);
  });

  it('moves nodes the scene placed (undo, restore) and keeps the others where they are', () => {
    applyPatch(cy, patch({ add: [node('a', '', { x: 0, y: 0 }), node('b', '', { x: 5, y: 5 })] }));
    applyPatch(cy, patch({ move: [{ id: 'a', position: { x: 100, y: -40 } }] }));
    expect(cy.getElementById('a').position()).toEqual({ x: 100, y: -40 });
    expect(cy.getElementById('b').position()).toEqual({ x: 5, y: 5 });
  });

  it('treats an add of an element already drawn as an update (a patch applied twice)', () => {
    applyPatch(cy, patch({ add: [node('a', 'kind-Person')] }));
    const result = applyPatch(cy, patch({ add: [node('a', 'kind-Person dimmed')] }));
    expect(cy.nodes()).toHaveLength(1);
    expect(cy.getElementById('a').hasClass('dimmed')).toBe(true);
    expect(result.unplaced).toEqual([]);
  });

  it('removes and re-adds in one patch (an element that changed group or ends)', () => {
    applyPatch(cy, patch({ add: [node('a'), node('b'), node('c'), edge('e1', 'a', 'b')] }));
    applyPatch(cy, patch({ remove: ['e1'], add: [edge('e1', 'a', 'c')] }));
    expect(cy.getElementById('e1').target().id()).toBe('c');
  });

  it('locks pinned nodes (layouts and dragging leave them) yet moves them when the scene says so', () => {
    applyPatch(cy, patch({ add: [node('a', 'pinned', { x: 1, y: 1 }), node('b', '', { x: 2, y: 2 })] }));
    expect(cy.getElementById('a').locked()).toBe(true);
    applyPatch(cy, patch({ update: [node('b', 'pinned')], move: [{ id: 'a', position: { x: 50, y: 60 } }] }));
    expect(cy.getElementById('a').position()).toEqual({ x: 50, y: 60 });
    expect(cy.getElementById('a').locked()).toBe(true);
    expect(cy.getElementById('b').locked()).toBe(true);
    cy.getElementById('b').position({ x: 99, y: 99 }); // what a layout would do
    expect(cy.getElementById('b').position()).toEqual({ x: 2, y: 2 });
    applyPatch(cy, patch({ update: [node('b', '')] }));
    expect(cy.getElementById('b').locked()).toBe(false);
  });
});
