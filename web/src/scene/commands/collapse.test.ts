import { describe, expect, it } from 'vitest';
import { entity, link, subgraph } from '../testing';
import type { Scene } from '../types';
import { addSubgraph } from './add';
import { collapseExpansion } from './collapse';
import { emptyScene } from './empty';
import { select } from './selection';

const expand = (scene: Scene, seed: string, links: Parameters<typeof subgraph>[0]) =>
  addSubgraph(scene, subgraph(links, [seed]), { expansion: { seeds: [seed], depth: 1 } });

describe('collapseExpansion', () => {
  const ab = link('CALLED', 'phone:a', 'victim:b');
  const ac = link('CALLED', 'phone:a', 'victim:c');
  const zb = link('CALLED', 'phone:z', 'victim:b');
  const bw = link('PAID', 'victim:b', 'wallet:w');
  const start = addSubgraph(emptyScene(), subgraph([], ['phone:a', 'phone:z']));

  it('removes what the expansion brought and the expansion itself, and keeps its seed', () => {
    const expanded = expand(start, 'phone:a', [ab, ac]);
    const collapsed = collapseExpansion(expanded, expanded.expansions[0]!.id);
    expect(Object.keys(collapsed.nodes).sort()).toEqual(['phone:a', 'phone:z']);
    expect(collapsed.links).toEqual({});
    expect(collapsed.expansions).toEqual([]);
  });

  it('is the same scene for an unknown expansion', () => {
    expect(collapseExpansion(start, 'x:nope')).toBe(start);
  });

  it('keeps what another expansion also brought', () => {
    let scene = expand(start, 'phone:a', [ab, ac]);
    scene = expand(scene, 'phone:z', [zb]);
    const collapsed = collapseExpansion(scene, scene.expansions[0]!.id);
    expect(Object.keys(collapsed.nodes).sort()).toEqual(['phone:a', 'phone:z', 'victim:b']);
    expect(Object.keys(collapsed.links)).toEqual([zb.id]);
  });

  it('keeps the seed of a later expansion and what that expansion brought', () => {
    let scene = expand(start, 'phone:a', [ab]);
    scene = expand(scene, 'victim:b', [ab, bw]);
    const collapsed = collapseExpansion(scene, scene.expansions[0]!.id);
    expect(Object.keys(collapsed.nodes).sort()).toEqual(['phone:a', 'phone:z', 'victim:b', 'wallet:w']);
    // The link a-b was also returned by b's expansion: it stays.
    expect(Object.keys(collapsed.links).sort()).toEqual([ab.id, bw.id].sort());
    expect(collapsed.expansions.map((e) => e.seeds)).toEqual([['victim:b']]);
  });

  it('keeps what the investigator added after the expansion', () => {
    let scene = expand(start, 'phone:a', [ab, ac]);
    scene = addSubgraph(scene, { entities: [entity('victim:c')], links: [] });
    const collapsed = collapseExpansion(scene, scene.expansions[0]!.id);
    expect(Object.keys(collapsed.nodes).sort()).toEqual(['phone:a', 'phone:z', 'victim:c']);
  });

  it('keeps a node tied by a link the expansion did not bring, and what that keeps in turn', () => {
    const cd = link('PAID', 'victim:c', 'wallet:d');
    const dz = link('OWNS', 'wallet:d', 'phone:z');
    let scene = expand(start, 'phone:a', [ac, cd]);
    // Links the investigator added (a saved view's links): c-d first, so keeping c needs d kept first.
    const cd2 = link('CALLED', 'victim:c', 'wallet:d');
    scene = addSubgraph(scene, { entities: [], links: [cd2, dz] });
    const collapsed = collapseExpansion(scene, scene.expansions[0]!.id);
    expect(Object.keys(collapsed.nodes).sort()).toEqual(['phone:a', 'phone:z', 'victim:c', 'wallet:d']);
    expect(Object.keys(collapsed.links).sort()).toEqual([cd2.id, dz.id].sort());
  });

  it('drops what it removed from the selection', () => {
    const scene = select(expand(start, 'phone:a', [ab]), ['victim:b', 'phone:a']);
    expect(collapseExpansion(scene, scene.expansions[0]!.id).selection).toEqual(['phone:a']);
  });
});
