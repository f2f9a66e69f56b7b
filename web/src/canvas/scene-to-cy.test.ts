/**
 * The whole flow below React, headless: scene commands -> sceneToElements -> diffElements -> applyPatch.
 * After every step cy holds exactly what the view says should be drawn (ids, classes, data, positions).
 */
import cytoscape, { type Core } from 'cytoscape';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addSubgraph,
  apply,
  diffElements,
  sceneToElements,
  createHistory,
  hideNodes,
  pinNodes,
  recordPositions,
  select,
  setHighlight,
  undo,
  type Command,
  type ElementData,
  type History,
} from '../scene';
import { link, subgraph } from '../scene/testing';
import { applyPatch } from './apply-patch';

function drawnOf(cy: Core) {
  return cy
    .elements()
    .map((e) => ({ id: e.id(), classes: [...e.classes()].sort().join(' ') }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function expectedOf(elements: readonly ElementData[]) {
  return elements
    .map((e) => ({ id: e.data.id, classes: e.classes.split(' ').filter(Boolean).sort().join(' ') }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('scene -> patch -> cy', () => {
  let cy: Core;
  let history: History;
  let drawing: ElementData[];

  const step = (command: Command, record = true) => {
    history = record ? apply(history, command) : { ...history, present: command(history.present) };
    sync();
  };
  const sync = () => {
    const next = sceneToElements(history.present);
    applyPatch(cy, diffElements(drawing, next));
    drawing = next;
    expect(drawnOf(cy)).toEqual(expectedOf(next));
  };

  beforeEach(() => {
    cy = cytoscape({ headless: true, styleEnabled: true });
    history = createHistory();
    drawing = [];
  });

  const calls = [1, 2, 3].map((i) =>
    link('CALLED', 'phone:+7495', 'victim:v-1', { at: `2024-05-0${i}T10:00:00.000Z` }),
  );
  const controls = link('CONTROLS', 'crimegroup:khimprom', 'callcentre:orion');
  const seat = link('HAS_WORKSTATION', 'callcentre:orion', 'workstation:ws-1');

  it('draws, selects, highlights, hides, pins and undoes, keeping cy equal to the view', () => {
    step((s) => addSubgraph(s, subgraph([controls, seat, ...calls])));
    expect(cy.edges('[type = "CALLED"]')).toHaveLength(1); // three calls, one aggregate edge
    expect(cy.edges('[type = "CALLED"]').data('linkIds')).toHaveLength(3);

    step((s) => select(s, ['crimegroup:khimprom']));
    expect(cy.getElementById('crimegroup:khimprom').hasClass('selected')).toBe(true);

    step((s) =>
      setHighlight(s, { kind: 'paths', nodes: ['crimegroup:khimprom', 'callcentre:orion'], links: [controls.id] }),
    );
    expect(cy.$('.dimmed').map((e) => e.id())).toContain('victim:v-1');

    step((s) => hideNodes(s, ['victim:v-1']));
    expect(cy.getElementById('victim:v-1').empty()).toBe(true);

    step((s) => pinNodes(s, ['callcentre:orion']));
    expect(cy.getElementById('callcentre:orion').locked()).toBe(true);

    history = undo(undo(history));
    sync();
    expect(cy.getElementById('victim:v-1').nonempty()).toBe(true);
    expect(cy.getElementById('callcentre:orion').locked()).toBe(false);
  });

  it('moves nodes back to the positions of the scene undone to', () => {
    step((s) => addSubgraph(s, subgraph([controls])));
    step((s) => recordPositions(s, { 'crimegroup:khimprom': { x: 0, y: 0 }, 'callcentre:orion': { x: 100, y: 0 } }));
    step((s) => recordPositions(s, { 'callcentre:orion': { x: 300, y: 200 } }));
    expect(cy.getElementById('callcentre:orion').position()).toEqual({ x: 300, y: 200 });
    history = undo(history);
    sync();
    expect(cy.getElementById('callcentre:orion').position()).toEqual({ x: 100, y: 0 });
  });

  it('draws an "N more" marker for a capped expansion, edged to its seed', () => {
    step((s) => addSubgraph(s, subgraph([controls])));
    step((s) =>
      addSubgraph(s, subgraph([seat], [], { truncated: [{ bound: 'limit', value: 1, omitted: 37 }] }), {
        expansion: { seeds: ['callcentre:orion'], depth: 1 },
      }),
    );
    const marker = cy.nodes('.more');
    expect(marker).toHaveLength(1);
    expect(marker.data('label')).toBe('37 more');
    expect(
      marker
        .connectedEdges()
        .connectedNodes()
        .map((n) => n.id()),
    ).toContain('callcentre:orion');
  });
});
