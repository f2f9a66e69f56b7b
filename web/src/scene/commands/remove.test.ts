import { describe, expect, it } from 'vitest';
import { aggregateId } from '../ids';
import { link, subgraph } from '../testing';
import { addSubgraph } from './add';
import { emptyScene } from './empty';
import { setHighlight } from './highlight';
import { removeLinks, removeNodes } from './remove';
import { select } from './selection';

describe('removeNodes and removeLinks', () => {
  const ab = link('CALLED', 'phone:a', 'victim:b');
  const bc = link('PAID', 'victim:b', 'wallet:c');
  const rollup = {
    type: 'CALLED',
    from: 'phone:a',
    to: 'victim:b',
    count: 1,
    totals: [],
    firstAt: null,
    lastAt: null,
    linkIds: [ab.id],
  };
  const scene = addSubgraph(emptyScene(), subgraph([ab, bc], [], { rollups: [rollup] }));

  it('removes nodes with their links, rollups, selection and highlight', () => {
    const marked = setHighlight(select(scene, ['phone:a', aggregateId('CALLED', 'phone:a', 'victim:b'), 'victim:b']), {
      kind: 'paths',
      nodes: ['phone:a', 'victim:b'],
      links: [ab.id],
    });
    const removed = removeNodes(marked, ['phone:a']);
    expect(Object.keys(removed.nodes).sort()).toEqual(['victim:b', 'wallet:c']);
    expect(Object.keys(removed.links)).toEqual([bc.id]);
    expect(removed.rollups).toEqual({});
    expect(removed.selection).toEqual(['victim:b']);
    expect(removed.highlight).toEqual({ kind: 'paths', nodes: ['victim:b'], links: [] });
  });

  it('is the same scene when nothing named is there', () => {
    expect(removeNodes(scene, ['phone:zz'])).toBe(scene);
    expect(removeLinks(scene, ['link:X:1'])).toBe(scene);
  });

  it('drops an expansion whose seeds are gone, and forgets removed nodes in the others', () => {
    const expanded = addSubgraph(scene, subgraph([link('CALLED', 'phone:z', 'victim:b')]), {
      expansion: { seeds: ['phone:z'], depth: 1 },
    });
    expect(removeNodes(expanded, ['phone:z']).expansions).toEqual([]);
  });

  it('removes links and keeps their ends', () => {
    const removed = removeLinks(scene, [ab.id]);
    expect(Object.keys(removed.nodes)).toHaveLength(3);
    expect(Object.keys(removed.links)).toEqual([bc.id]);
  });
});
