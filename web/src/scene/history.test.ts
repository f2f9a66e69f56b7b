import { describe, expect, it } from 'vitest';
import { addSubgraph } from './commands/add';
import { recordPositions, setLayout } from './commands/layout';
import { amend, apply, canRedo, canUndo, createHistory, redo, undo } from './history';
import { subgraph } from './testing';

describe('history', () => {
  const add = (id: string) => (s: Parameters<typeof addSubgraph>[0]) => addSubgraph(s, subgraph([], [id]));

  it('undoes and redoes every step', () => {
    let h = createHistory();
    h = apply(h, add('phone:a'));
    h = apply(h, add('phone:b'));
    expect(Object.keys(h.present.nodes)).toEqual(['phone:a', 'phone:b']);
    h = undo(h);
    expect(Object.keys(h.present.nodes)).toEqual(['phone:a']);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(Object.keys(h.present.nodes)).toEqual(['phone:a', 'phone:b']);
    h = undo(undo(h));
    expect(h.present.nodes).toEqual({});
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
  });

  it('does not record a command that changed nothing', () => {
    const h = apply(createHistory(), add('phone:a'));
    expect(apply(h, add('phone:a'))).toBe(h);
  });

  it('a new step drops the redo list', () => {
    const h = undo(apply(apply(createHistory(), add('phone:a')), add('phone:b')));
    const next = apply(h, add('phone:c'));
    expect(canRedo(next)).toBe(false);
    expect(redo(next)).toBe(next);
  });

  it('keeps at most the given depth of steps', () => {
    let h = createHistory();
    for (let i = 0; i < 7; i += 1) h = apply(h, add(`phone:${i}`), 5);
    expect(h.past).toHaveLength(5);
    expect(Object.keys(h.past[0]!.nodes)).toEqual(['phone:0', 'phone:1']);
  });

  it('amends the present without a step', () => {
    const h = apply(createHistory(), add('phone:a'));
    const amended = amend(h, (s) => recordPositions(s, { 'phone:a': { x: 3, y: 4 } }));
    expect(amended.past).toHaveLength(1);
    expect(amended.present.nodes['phone:a']!.position).toEqual({ x: 3, y: 4 });
    expect(amend(amended, (s) => setLayout(s, 'fcose'))).toBe(amended);
  });
});
