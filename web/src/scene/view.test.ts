import { describe, expect, it } from 'vitest';
import { addSubgraph } from './commands/add';
import { emptyScene } from './commands/empty';
import { toggleKind, toggleLinkType } from './commands/filters';
import { setHighlight } from './commands/highlight';
import { recordPositions } from './commands/layout';
import { pinNodes } from './commands/pin';
import { select } from './commands/selection';
import { hideNodes } from './commands/visibility';
import { aggregateId, moreEdgeId, moreId } from './ids';
import { link, subgraph } from './testing';
import { sceneToElements } from './view';

const paid = (at: string, amount: string, asset = 'eth') => link('PAID', 'victim:v', 'wallet:w', { at, amount, asset });
const p1 = paid('2024-01-02T00:00:00.000Z', '0.1');
const p2 = paid('2024-01-01T00:00:00.000Z', '0.2');
const p3 = paid('2024-01-03T00:00:00.000Z', '100', 'usdt');
const call = link('CALLED', 'phone:a', 'victim:v');
const base = addSubgraph(emptyScene(), subgraph([p1, p2, p3, call]));
const find = (scene: typeof base, id: string) => sceneToElements(scene).find((e) => e.data.id === id);
const PAID_EDGE = aggregateId('PAID', 'victim:v', 'wallet:w');

describe('sceneToElements', () => {
  it('draws each entity once with its kind class and each (type, from, to) once', () => {
    const elements = sceneToElements(base);
    expect(elements.map((e) => e.data.id).sort()).toEqual(
      ['phone:a', 'victim:v', 'wallet:w', PAID_EDGE, aggregateId('CALLED', 'phone:a', 'victim:v')].sort(),
    );
    expect(find(base, 'phone:a')).toEqual({
      group: 'nodes',
      data: { id: 'phone:a', kind: 'Phone', caption: 'a' },
      classes: 'kind-Phone',
    });
  });

  it('sums the links of an aggregate edge exactly when the type is rolled up', () => {
    const rollup = {
      type: 'PAID',
      from: 'victim:v',
      to: 'wallet:w',
      count: 1,
      totals: [],
      firstAt: null,
      lastAt: null,
      linkIds: [p1.id],
    };
    const scene = addSubgraph(base, { entities: [], links: [], rollups: [rollup] });
    expect(find(scene, PAID_EDGE)).toMatchObject({
      data: {
        source: 'victim:v',
        target: 'wallet:w',
        type: 'PAID',
        linkIds: [p1.id, p2.id, p3.id].sort(),
        count: 3,
        totals: [
          { asset: 'ETH', amount: '0.3' },
          { asset: 'USDT', amount: '100' },
        ],
        firstAt: '2024-01-01T00:00:00.000Z',
        lastAt: '2024-01-03T00:00:00.000Z',
        label: '3× · 0.3 ETH + 100 USDT',
      },
      classes: 'type-PAID aggregate',
    });
  });

  it("takes the server's rollup when it covers exactly the links drawn, and only counts other types", () => {
    const rollup = {
      type: 'PAID',
      from: 'victim:v',
      to: 'wallet:w',
      count: 3,
      totals: [{ asset: 'ETH', amount: '9' }],
      firstAt: null,
      lastAt: null,
      linkIds: [p3.id, p2.id, p1.id],
    };
    const scene = addSubgraph(base, { entities: [], links: [], rollups: [rollup] });
    expect(find(scene, PAID_EDGE)?.data).toMatchObject({ count: 3, totals: [{ asset: 'ETH', amount: '9' }] });
    expect(find(base, PAID_EDGE)?.data).toMatchObject({ count: 3, totals: [], firstAt: null, label: '3×' });
  });

  it('marks selection, pins, positions, and dims what a highlight leaves out', () => {
    let scene = select(base, ['phone:a', p1.id]);
    scene = pinNodes(recordPositions(scene, { 'phone:a': { x: 1, y: 2 } }), ['phone:a']);
    scene = setHighlight(scene, { kind: 'paths', nodes: ['phone:a', 'victim:v'], links: [call.id] });
    expect(find(scene, 'phone:a')).toMatchObject({
      classes: 'kind-Phone selected highlighted pinned',
      position: { x: 1, y: 2 },
    });
    expect(find(scene, 'wallet:w')?.classes).toBe('kind-Wallet dimmed');
    expect(find(scene, PAID_EDGE)?.classes).toBe('type-PAID aggregate selected dimmed');
    expect(find(scene, aggregateId('CALLED', 'phone:a', 'victim:v'))?.classes).toBe('type-CALLED highlighted');
  });

  it('leaves out hidden nodes, filtered kinds and link types, and their edges', () => {
    expect(
      sceneToElements(hideNodes(base, ['victim:v']))
        .map((e) => e.data.id)
        .sort(),
    ).toEqual(['phone:a', 'wallet:w']);
    expect(sceneToElements(toggleKind(base, 'Wallet')).some((e) => e.data.id === PAID_EDGE)).toBe(false);
    const noPaid = sceneToElements(toggleLinkType(base, 'PAID'));
    expect(noPaid.map((e) => e.data.id)).not.toContain(PAID_EDGE);
    expect(noPaid.map((e) => e.data.id)).toContain('wallet:w');
  });

  it('draws an "N more" marker on the seed of an expansion that hit a bound', () => {
    const scene = addSubgraph(
      base,
      subgraph([link('CALLED', 'phone:a', 'victim:x')], [], {
        truncated: [
          { bound: 'limit', value: 1, omitted: 7 },
          { bound: 'linkLimit', value: 10, omitted: 3 },
        ],
      }),
      { expansion: { seeds: ['phone:a'], depth: 1 } },
    );
    const id = scene.expansions[0]!.id;
    expect(find(scene, moreId(id))).toEqual({
      group: 'nodes',
      data: { id: moreId(id), expansionId: id, seed: 'phone:a', omitted: 7, omittedLinks: 3, label: '7 more' },
      classes: 'more',
    });
    expect(find(scene, moreEdgeId(id))?.data).toEqual({ id: moreEdgeId(id), source: 'phone:a', target: moreId(id) });
    expect(find(hideNodes(scene, ['phone:a']), moreId(id))).toBeUndefined();
  });
});
