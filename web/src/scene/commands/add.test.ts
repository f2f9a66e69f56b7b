import { describe, expect, it } from 'vitest';
import { expansionId } from '../ids';
import { entity, link, subgraph } from '../testing';
import { addSubgraph } from './add';
import { emptyScene } from './empty';
import { hideNodes } from './visibility';

describe('addSubgraph', () => {
  const ab = link('CALLED', 'phone:a', 'victim:b', { at: '2024-01-01T00:00:00.000Z' });

  it('adds entities and links, unpinned and shown', () => {
    const scene = addSubgraph(emptyScene(), subgraph([ab]));
    expect(Object.keys(scene.nodes).sort()).toEqual(['phone:a', 'victim:b']);
    expect(scene.nodes['phone:a']).toMatchObject({ pinned: false, hidden: false });
    expect(scene.links[ab.id]).toEqual(ab);
    expect(scene.expansions).toEqual([]);
  });

  it('returns the same scene when the answer brings nothing new', () => {
    const scene = addSubgraph(emptyScene(), subgraph([ab]));
    expect(addSubgraph(scene, subgraph([ab]))).toBe(scene);
    expect(addSubgraph(scene, { entities: [], links: [] })).toBe(scene);
  });

  it('refreshes an entity whose data changed, keeping its position and pin', () => {
    const scene = addSubgraph(emptyScene(), subgraph([ab]));
    const placed = {
      ...scene,
      nodes: { ...scene.nodes, 'phone:a': { ...scene.nodes['phone:a']!, pinned: true, position: { x: 1, y: 2 } } },
    };
    const fresher = addSubgraph(placed, { entities: [entity('phone:a', undefined, { country: 'RU' })], links: [] });
    expect(fresher.nodes['phone:a']).toMatchObject({
      pinned: true,
      position: { x: 1, y: 2 },
      entity: { properties: { country: 'RU' } },
    });
  });

  it('skips links whose ends are not on the scene', () => {
    const scene = addSubgraph(emptyScene(), { entities: [entity('phone:a')], links: [ab] });
    expect(scene.links).toEqual({});
  });

  it('records an expansion with what it brought, not its seeds or what was there', () => {
    const seeded = addSubgraph(emptyScene(), subgraph([], ['phone:a', 'victim:c']));
    const ac = link('CALLED', 'phone:a', 'victim:c');
    const truncated = [{ bound: 'limit', value: 2, omitted: 5 }];
    const scene = addSubgraph(seeded, subgraph([ab, ac], [], { truncated }), {
      expansion: { seeds: ['phone:a'], depth: 1 },
    });
    expect(scene.expansions).toEqual([
      {
        id: expansionId(['phone:a'], [], 1),
        seeds: ['phone:a'],
        linkTypes: [],
        depth: 1,
        addedNodes: ['victim:b'],
        addedLinks: [ab.id, ac.id],
        truncated,
      },
    ]);
  });

  it('does not record an expansion that brought nothing and left nothing out', () => {
    const scene = addSubgraph(emptyScene(), subgraph([ab]));
    expect(addSubgraph(scene, subgraph([ab]), { expansion: { seeds: ['phone:a'], depth: 1 } })).toBe(scene);
  });

  it('the same expansion again (open "N more") merges into it and takes the latest truncation', () => {
    const seeded = addSubgraph(emptyScene(), subgraph([], ['phone:a']));
    const request = { expansion: { seeds: ['phone:a'], linkTypes: ['CALLED'], depth: 1 } };
    const first = addSubgraph(
      seeded,
      subgraph([ab], [], { truncated: [{ bound: 'limit', value: 1, omitted: 1 }] }),
      request,
    );
    const ac = link('CALLED', 'phone:a', 'victim:c');
    const second = addSubgraph(first, subgraph([ab, ac], [], { truncated: [] }), request);
    expect(second.expansions).toHaveLength(1);
    expect(second.expansions[0]).toMatchObject({
      addedNodes: ['victim:b', 'victim:c'],
      addedLinks: [ab.id, ac.id],
      truncated: [],
    });
  });

  it('a second expansion reaching what the first brought shares it', () => {
    const seeded = addSubgraph(emptyScene(), subgraph([], ['phone:a', 'phone:z']));
    const first = addSubgraph(seeded, subgraph([ab]), { expansion: { seeds: ['phone:a'], depth: 1 } });
    const zb = link('CALLED', 'phone:z', 'victim:b');
    const second = addSubgraph(first, subgraph([zb]), { expansion: { seeds: ['phone:z'], depth: 1 } });
    expect(second.expansions[1]).toMatchObject({ addedNodes: ['victim:b'], addedLinks: [zb.id] });
  });

  it("the investigator's own add claims what an expansion brought", () => {
    const seeded = addSubgraph(emptyScene(), subgraph([], ['phone:a']));
    const expanded = addSubgraph(seeded, subgraph([ab]), { expansion: { seeds: ['phone:a'], depth: 1 } });
    const claimed = addSubgraph(expanded, { entities: [entity('victim:b')], links: [] });
    expect(claimed.expansions[0]).toMatchObject({ addedNodes: [], addedLinks: [ab.id] });
  });

  it('an expansion leaves hidden nodes hidden; the investigator adding one shows it', () => {
    const scene = hideNodes(addSubgraph(emptyScene(), subgraph([ab])), ['victim:b']);
    const expanded = addSubgraph(scene, subgraph([ab]), { expansion: { seeds: ['phone:a'], depth: 1 } });
    expect(expanded.nodes['victim:b']!.hidden).toBe(true);
    expect(addSubgraph(scene, subgraph([], ['victim:b'])).nodes['victim:b']!.hidden).toBe(false);
  });

  it('keeps rollups by pair, but not one whose links were skipped', () => {
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
    const scene = addSubgraph(emptyScene(), subgraph([ab], [], { rollups: [rollup] }));
    expect(scene.rollups).toEqual({ 'CALLED|phone:a|victim:b': rollup });
    const skipped = addSubgraph(emptyScene(), { entities: [entity('phone:a')], links: [ab], rollups: [rollup] });
    expect(skipped.rollups).toEqual({});
  });
});
