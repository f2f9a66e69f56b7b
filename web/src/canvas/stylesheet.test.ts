import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasIcon, iconUri } from './icons';
import type { StyleModel } from './model-style';
import { buildStylesheet } from './stylesheet';

const model: StyleModel = {
  kinds: [
    { name: 'CrimeGroup', display: { colour: '#b71c1c', icon: 'groups', caption: 'name' } },
    { name: 'Gizmo', display: { colour: '#00ff00', icon: 'no_such_icon', caption: 'name' } },
  ],
  relationships: [{ name: 'CONTROLS', display: { colour: '#123456', label: 'controls' } }],
};

function drawn() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet(model),
    elements: [
      { data: { id: 'g', caption: 'Khimprom' }, classes: 'kind-CrimeGroup' },
      { data: { id: 'x', caption: 'gizmo' }, classes: 'kind-Gizmo' },
      { data: { id: 'm', label: '37 more' }, classes: 'more' },
      { data: { id: 'e', source: 'g', target: 'x', type: 'CONTROLS', label: '' } },
      { data: { id: 'e2', source: 'x', target: 'g', type: 'CONTROLS', label: '3×' } },
    ],
  });
}

describe('buildStylesheet', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is valid Cytoscape style: no property is refused', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    drawn();
    expect(warn).not.toHaveBeenCalled();
  });

  it("colours nodes by kind and edges by relationship type, in the model's colours", () => {
    const cy = drawn();
    expect(cy.getElementById('g').style('background-color')).toBe('rgb(183,28,28)');
    expect(cy.getElementById('e').style('line-color')).toBe('rgb(18,52,86)');
    expect(cy.getElementById('g').style('label')).toBe('Khimprom');
    expect(cy.getElementById('m').style('label')).toBe('37 more');
  });

  it("labels edges with the type's words and the rollup", () => {
    const cy = drawn();
    expect(cy.getElementById('e').style('label')).toBe('controls');
    expect(cy.getElementById('e2').style('label')).toBe('controls · 3×');
  });

  it('gives every kind an icon, an initial when the model names an icon not drawn here', () => {
    const cy = drawn();
    expect(cy.getElementById('g').style('background-image')).toBe(iconUri('groups', 'CrimeGroup'));
    expect(hasIcon('no_such_icon')).toBe(false);
    expect(decodeURIComponent(iconUri('no_such_icon', 'Gizmo'))).toContain('>G</text>');
  });

  it('state classes win over the kind: selected, dimmed, highlighted', () => {
    const cy = drawn();
    const g = cy.getElementById('g');
    g.addClass('selected dimmed');
    expect(g.style('border-width')).toBe('4px');
    expect(g.style('opacity')).toBe('0.15');
    const e = cy.getElementById('e');
    e.addClass('highlighted');
    expect(e.style('underlay-opacity')).toBe('0.55');
  });
});
