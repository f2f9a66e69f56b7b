import { describe, expect, it } from 'vitest';
import { aggregateId } from '../ids';
import { link, subgraph } from '../testing';
import { addSubgraph } from './add';
import { emptyScene } from './empty';
import { setHighlight, clearHighlight } from './highlight';
import { clearSelection, select, selectNeighbours } from './selection';
import { hideNodes } from './visibility';

const ab = link('CALLED', 'phone:a', 'victim:b');
const ac = link('CALLED', 'phone:a', 'victim:c');
const cd = link('PAID', 'victim:c', 'wallet:d');
const scene = addSubgraph(emptyScene(), subgraph([ab, ac, cd]));

describe('selection', () => {
  it('replaces, adds and toggles; ignores what is not drawn', () => {
    const one = select(scene, ['phone:a', 'phone:nope']);
    expect(one.selection).toEqual(['phone:a']);
    expect(select(one, ['victim:b'], 'add').selection).toEqual(['phone:a', 'victim:b']);
    expect(select(one, ['phone:a', 'victim:b'], 'toggle').selection).toEqual(['victim:b']);
    expect(select(one, ['phone:a'])).toBe(one);
    expect(
      select(scene, [aggregateId('CALLED', 'phone:a', 'victim:b'), aggregateId('PAID', 'phone:a', 'victim:b')])
        .selection,
    ).toEqual([aggregateId('CALLED', 'phone:a', 'victim:b')]);
    expect(clearSelection(one).selection).toEqual([]);
    expect(clearSelection(scene)).toBe(scene);
  });

  it('selects the drawn neighbours of the selected nodes', () => {
    const hidden = hideNodes(scene, ['victim:b']);
    expect(selectNeighbours(select(hidden, ['phone:a'])).selection).toEqual(['phone:a', 'victim:c']);
    expect(selectNeighbours(select(scene, ['victim:c'])).selection).toEqual(['victim:c', 'phone:a', 'wallet:d']);
  });
});

describe('highlight', () => {
  it('keeps only what is on the scene and clears', () => {
    const lit = setHighlight(scene, {
      kind: 'paths',
      nodes: ['phone:a', 'victim:c', 'x:gone'],
      links: [ac.id, 'link:X:0'],
    });
    expect(lit.highlight).toEqual({ kind: 'paths', nodes: ['phone:a', 'victim:c'], links: [ac.id] });
    expect(setHighlight(lit, { kind: 'paths', nodes: ['phone:a', 'victim:c'], links: [ac.id] })).toBe(lit);
    expect(setHighlight(scene, { kind: 'money', nodes: ['x:gone'], links: [] })).toBe(scene);
    expect(clearHighlight(lit).highlight).toBeNull();
    expect(clearHighlight(scene)).toBe(scene);
  });
});
