import { describe, expect, it } from 'vitest';
import { link, subgraph } from '../testing';
import { addSubgraph } from './add';
import { emptyScene } from './empty';
import { clearFilters, toggleKind, toggleLinkType } from './filters';
import { pinNodes, unpinNodes } from './pin';
import { select } from './selection';
import { hideNodes, unhideAll, unhideNodes } from './visibility';

const ab = link('CALLED', 'phone:a', 'victim:b');
const scene = addSubgraph(emptyScene(), subgraph([ab]));

describe('hide and unhide', () => {
  it('hides nodes and drops them and their edges from the selection', () => {
    const hidden = hideNodes(select(scene, ['phone:a', ab.id, 'victim:b']), ['phone:a']);
    expect(hidden.nodes['phone:a']!.hidden).toBe(true);
    expect(hidden.selection).toEqual(['victim:b']);
    expect(unhideNodes(hidden, ['phone:a']).nodes['phone:a']!.hidden).toBe(false);
    expect(unhideAll(hidden).nodes['phone:a']!.hidden).toBe(false);
  });

  it('changes nothing when already so or unknown', () => {
    expect(unhideNodes(scene, ['phone:a'])).toBe(scene);
    expect(hideNodes(scene, ['phone:nope'])).toBe(scene);
    const hidden = hideNodes(scene, ['phone:a']);
    expect(hideNodes(hidden, ['phone:a'])).toBe(hidden);
  });
});

describe('pin and unpin', () => {
  it('pins and unpins, and changes nothing when already so', () => {
    const pinned = pinNodes(scene, ['phone:a', 'phone:nope']);
    expect(pinned.nodes['phone:a']!.pinned).toBe(true);
    expect(pinNodes(pinned, ['phone:a'])).toBe(pinned);
    expect(unpinNodes(pinned, ['phone:a']).nodes['phone:a']!.pinned).toBe(false);
    expect(unpinNodes(scene, ['phone:a'])).toBe(scene);
  });
});

describe('filters', () => {
  it('toggles kinds and link types, dropping what is filtered out from the selection', () => {
    const filtered = toggleKind(select(scene, ['phone:a', 'victim:b']), 'Phone');
    expect(filtered.filters.hiddenKinds).toEqual(['Phone']);
    expect(filtered.selection).toEqual(['victim:b']);
    expect(toggleKind(filtered, 'Phone').filters.hiddenKinds).toEqual([]);
    const byType = toggleLinkType(select(scene, [ab.id]), 'CALLED');
    expect(byType.filters.hiddenLinkTypes).toEqual(['CALLED']);
    expect(byType.selection).toEqual([]);
    expect(clearFilters(byType).filters).toEqual({ hiddenKinds: [], hiddenLinkTypes: [] });
    expect(clearFilters(scene)).toBe(scene);
  });
});
