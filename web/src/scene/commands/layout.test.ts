import { describe, expect, it } from 'vitest';
import { subgraph } from '../testing';
import { addSubgraph } from './add';
import { emptyScene } from './empty';
import { recordPositions, setLayout } from './layout';

describe('layout and positions', () => {
  const scene = addSubgraph(emptyScene(), subgraph([], ['phone:a', 'victim:b']));

  it('sets the layout once', () => {
    const dagre = setLayout(scene, 'dagre');
    expect(dagre.layout).toBe('dagre');
    expect(setLayout(dagre, 'dagre')).toBe(dagre);
  });

  it('records positions of known nodes, ignoring unknown ids and non-finite values', () => {
    const placed = recordPositions(scene, {
      'phone:a': { x: 1, y: 2 },
      'phone:nope': { x: 0, y: 0 },
      'victim:b': { x: NaN, y: 1 },
    });
    expect(placed.nodes['phone:a']!.position).toEqual({ x: 1, y: 2 });
    expect(placed.nodes['victim:b']!.position).toBeUndefined();
    expect(recordPositions(placed, { 'phone:a': { x: 1, y: 2 } })).toBe(placed);
  });
});
