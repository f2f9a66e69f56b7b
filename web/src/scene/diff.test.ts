import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSubgraph } from './commands/add';
import { collapseExpansion } from './commands/collapse';
import { emptyScene } from './commands/empty';
import { toggleKind } from './commands/filters';
import { setHighlight } from './commands/highlight';
import { recordPositions } from './commands/layout';
import { pinNodes } from './commands/pin';
import { removeNodes } from './commands/remove';
import { select } from './commands/selection';
import { hideNodes } from './commands/visibility';
import { applyPatchToElements, diffElements, isEmptyPatch } from './diff';
import { link, subgraph } from './testing';
import type { ElementData, Scene } from './types';
import { sceneToElements } from './view';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

const element: fc.Arbitrary<ElementData> = fc
  .record({
    id: fc.constantFrom(...IDS),
    group: fc.constantFrom('nodes' as const, 'edges' as const),
    source: fc.constantFrom(...IDS),
    target: fc.constantFrom(...IDS),
    value: fc.oneof(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('x', 'y'),
      fc.array(fc.constantFrom('p', 'q'), { maxLength: 2 }),
    ),
    classes: fc.subarray(['kind-A', 'selected', 'dimmed', 'pinned']).map((c) => c.join(' ')),
    position: fc.option(fc.record({ x: fc.integer({ min: -2, max: 2 }), y: fc.integer({ min: -2, max: 2 }) }), {
      nil: undefined,
    }),
  })
  .map(({ id, group, source, target, value, classes, position }) =>
    group === 'nodes'
      ? { group, data: { id, value }, classes, ...(position && { position }) }
      : { group, data: { id, source, target, value }, classes },
  );

const drawing = fc.uniqueArray(element, { selector: (e) => e.data.id, maxLength: IDS.length });

const byId = (elements: readonly ElementData[]) => Object.fromEntries(elements.map((e) => [e.data.id, e]));

/** `next`, where a node it leaves unplaced keeps the place it had (when it stayed the same element). */
function expected(prev: readonly ElementData[], next: readonly ElementData[]) {
  const before = byId(prev);
  return byId(
    next.map((e) => {
      const old = before[e.data.id];
      const kept = old && old.group === e.group && !e.position && old.position && e.group === 'nodes';
      return kept ? { ...e, position: old.position } : e;
    }),
  );
}

describe('diffElements', () => {
  it('applying the patch to prev yields next (property)', () => {
    fc.assert(
      fc.property(drawing, drawing, (prev, next) => {
        const patch = diffElements(prev, next);
        expect(byId(applyPatchToElements(prev, patch))).toEqual(expected(prev, next));
      }),
      { numRuns: 500 },
    );
  });

  it('is empty between equal drawings, and lists nodes first when adding, edges first when removing', () => {
    fc.assert(fc.property(drawing, (d) => isEmptyPatch(diffElements(d, structuredClone(d)))));
    const node = (id: string): ElementData => ({ group: 'nodes', data: { id }, classes: '' });
    const edge: ElementData = { group: 'edges', data: { id: 'e', source: 'a', target: 'b' }, classes: '' };
    expect(diffElements([], [edge, node('a'), node('b')]).add.map((e) => e.data.id)).toEqual(['a', 'b', 'e']);
    expect(diffElements([node('a'), node('b'), edge], []).remove).toEqual(['e', 'a', 'b']);
  });

  it('replaces an edge whose ends changed instead of updating it', () => {
    const edge = (target: string): ElementData => ({
      group: 'edges',
      data: { id: 'e', source: 'a', target },
      classes: '',
    });
    const patch = diffElements([edge('b')], [edge('c')]);
    expect(patch).toMatchObject({ remove: ['e'], add: [edge('c')], update: [] });
  });

  it('yields the next drawing of scenes built by random commands (property)', () => {
    const ends = ['phone:a', 'phone:b', 'victim:c', 'wallet:d'];
    const command = fc.oneof(
      fc.tuple(fc.constantFrom(...ends), fc.constantFrom(...ends), fc.constantFrom('CALLED', 'PAID'), fc.boolean()).map(
        ([from, to, type, expand]) =>
          (s: Scene) =>
            addSubgraph(
              s,
              subgraph([link(type, from, to, { amount: '1.5', asset: 'eth' })], [], {
                truncated: expand ? [{ bound: 'limit', value: 1, omitted: 2 }] : [],
              }),
              expand ? { expansion: { seeds: [from], depth: 1 } } : {},
            ),
      ),
      fc.constantFrom(...ends).map((id) => (s: Scene) => removeNodes(s, [id])),
      fc.constantFrom(...ends).map((id) => (s: Scene) => hideNodes(s, [id])),
      fc.constantFrom(...ends).map((id) => (s: Scene) => pinNodes(s, [id])),
      fc.constantFrom(...ends).map((id) => (s: Scene) => select(s, [id], 'toggle')),
      fc.constantFrom('Phone', 'Victim').map((kind) => (s: Scene) => toggleKind(s, kind)),
      fc.constantFrom(...ends).map((id) => (s: Scene) => setHighlight(s, { kind: 'paths', nodes: [id], links: [] })),
      fc.integer({ min: 0, max: 3 }).map((i) => (s: Scene) => collapseExpansion(s, s.expansions[i]?.id ?? '')),
      fc.tuple(fc.constantFrom(...ends), fc.integer({ min: 0, max: 9 })).map(
        ([id, x]) =>
          (s: Scene) =>
            recordPositions(s, { [id]: { x, y: x } }),
      ),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), fc.array(command, { maxLength: 4 }), (setup, step) => {
        const before = setup.reduce((s, c) => c(s), emptyScene());
        const after = step.reduce((s, c) => c(s), before);
        const prev = sceneToElements(before);
        const next = sceneToElements(after);
        expect(byId(applyPatchToElements(prev, diffElements(prev, next)))).toEqual(expected(prev, next));
      }),
      { numRuns: 300 },
    );
  });
});
