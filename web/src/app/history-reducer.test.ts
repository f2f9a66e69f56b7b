import { describe, expect, it } from 'vitest';
import { addSubgraph, createHistory, recordPositions, select } from '../scene';
import { link, subgraph } from '../scene/testing';
import { historyReducer } from './history-reducer';

const controls = link('CONTROLS', 'crimegroup:k', 'callcentre:a');

describe('historyReducer', () => {
  it('records steps, amends without a step, and undoes/redoes steps', () => {
    let h = createHistory();
    h = historyReducer(h, { type: 'do', command: (s) => addSubgraph(s, subgraph([controls])) });
    h = historyReducer(h, { type: 'amend', command: (s) => recordPositions(s, { 'crimegroup:k': { x: 1, y: 2 } }) });
    h = historyReducer(h, { type: 'amend', command: (s) => select(s, ['crimegroup:k']) });
    expect(h.past).toHaveLength(1);
    expect(h.present.selection).toEqual(['crimegroup:k']);
    expect(h.present.nodes['crimegroup:k']?.position).toEqual({ x: 1, y: 2 });
    h = historyReducer(h, { type: 'undo' });
    expect(Object.keys(h.present.nodes)).toEqual([]);
    h = historyReducer(h, { type: 'redo' });
    expect(Object.keys(h.present.nodes)).toHaveLength(2);
  });

  it('starts over on replace', () => {
    let h = historyReducer(createHistory(), { type: 'do', command: (s) => addSubgraph(s, subgraph([controls])) });
    h = historyReducer(h, { type: 'replace', scene: createHistory().present });
    expect(h.past).toEqual([]);
    expect(h.present.nodes).toEqual({});
  });
});
