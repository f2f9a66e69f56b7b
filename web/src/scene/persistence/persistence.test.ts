import { describe, expect, it } from 'vitest';
import { addSubgraph } from '../commands/add';
import { emptyScene } from '../commands/empty';
import { toggleLinkType } from '../commands/filters';
import { setHighlight } from '../commands/highlight';
import { recordPositions, setLayout } from '../commands/layout';
import { pinNodes } from '../commands/pin';
import { select } from '../commands/selection';
import { hideNodes } from '../commands/visibility';
import { entity, link, subgraph } from '../testing';
import { idsToFetch, restore } from './restore';
import { parseSavedView, savedViewToJson, toSavedView } from './saved-view';
import { MAX_HASH_LENGTH, viewFromHash, viewToHash } from './url';

const ab = link('CALLED', 'phone:a', 'victim:b', { at: '2024-01-01T00:00:00.000Z' });
const bc = link('PAID', 'victim:b', 'wallet:c', { amount: '1', asset: 'ETH' });
const data = subgraph([ab, bc], ['person:d']);

function investigated() {
  let scene = addSubgraph(emptyScene(), data);
  scene = recordPositions(scene, { 'phone:a': { x: 10.04, y: -3 }, 'victim:b': { x: 1, y: 2 } });
  scene = pinNodes(scene, ['phone:a']);
  scene = hideNodes(scene, ['person:d']);
  scene = toggleLinkType(scene, 'OWNS');
  scene = setLayout(scene, 'dagre');
  scene = select(scene, ['victim:b', ab.id]);
  return setHighlight(scene, { kind: 'paths', nodes: ['phone:a', 'victim:b'], links: [ab.id] });
}

describe('saved views', () => {
  it('round-trip: save, JSON, parse, restore give the same scene', () => {
    const scene = investigated();
    const parsed = parseSavedView(savedViewToJson(toSavedView(scene, '2024-05-01T00:00:00.000Z')));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.problems).toEqual([]);
    expect(idsToFetch(parsed.view)).toEqual({ entities: Object.keys(scene.nodes), links: [ab.id, bc.id] });
    const restored = restore(parsed.view, { entities: data.entities, links: data.links });
    expect(restored.problems).toEqual([]);
    const rounded = recordPositions(scene, { 'phone:a': { x: 10, y: -3 } });
    expect(restored.scene).toEqual(rounded);
  });

  it('keeps flags only when set', () => {
    const view = toSavedView(investigated());
    expect(view.nodes.find((n) => n.id === 'wallet:c')).toEqual({ id: 'wallet:c' });
    expect(view.nodes.find((n) => n.id === 'phone:a')).toEqual({
      id: 'phone:a',
      position: { x: 10, y: -3 },
      pinned: true,
    });
  });

  it('is not a view: not JSON, another format, a newer version', () => {
    expect(parseSavedView('{nope')).toEqual({ ok: false, error: expect.stringContaining('not JSON') });
    expect(parseSavedView({ format: 'other', version: 1 })).toMatchObject({ ok: false });
    expect(parseSavedView([])).toMatchObject({ ok: false });
    expect(parseSavedView({ format: 'ringtrace-view', version: 2 })).toEqual({
      ok: false,
      error: expect.stringContaining('newer'),
    });
  });

  it('names each broken field and entry, and keeps the rest', () => {
    const parsed = parseSavedView({
      format: 'ringtrace-view',
      version: 1,
      nodes: [{ id: 'phone:a', position: { x: 'left', y: 0 } }, { id: 'victim:b', pinned: true }, 7],
      links: [ab.id, 42],
      filters: { hiddenKinds: 'Phone' },
      layout: 'spiral',
      selection: ['victim:b'],
      highlight: { kind: 'paths', nodes: ['victim:b'], links: [] },
    });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.view.nodes).toEqual([{ id: 'victim:b', pinned: true }]);
    expect(parsed.view.links).toEqual([ab.id]);
    expect(parsed.view.layout).toBe('fcose');
    expect(parsed.view.filters).toEqual({ hiddenKinds: [], hiddenLinkTypes: [] });
    expect(parsed.problems).toHaveLength(5);
    expect(parsed.problems[0]).toMatch(/^nodes\[0\]: position\.x: /);
    expect(parsed.problems).toContainEqual(expect.stringMatching(/^layout: /));
  });

  it('restores the rest when entities and links are gone, naming them', () => {
    const view = toSavedView(investigated());
    const restored = restore(view, {
      entities: [entity('phone:a'), entity('wallet:c'), entity('person:d'), entity('x:unasked')],
      links: [ab, bc],
    });
    expect(Object.keys(restored.scene.nodes).sort()).toEqual(['person:d', 'phone:a', 'wallet:c']);
    expect(restored.scene.links).toEqual({});
    expect(restored.problems.map((p) => [p.kind, p.id])).toEqual([
      ['missing-entity', 'victim:b'],
      ['dangling-link', ab.id],
      ['dangling-link', bc.id],
    ]);
    expect(restored.scene.highlight).toEqual({ kind: 'paths', nodes: ['phone:a'], links: [] });
    expect(restored.scene.nodes['phone:a']).toMatchObject({ pinned: true, position: { x: 10, y: -3 } });
  });

  it('names a missing link and a highlight with nothing left', () => {
    const view = toSavedView(
      setHighlight(addSubgraph(emptyScene(), data), { kind: 'money', nodes: ['victim:b'], links: [] }),
    );
    const restored = restore(view, { entities: data.entities.filter((e) => e.id !== 'victim:b'), links: [] });
    expect(restored.problems.map((p) => p.kind)).toEqual([
      'missing-entity',
      'missing-link',
      'missing-link',
      'not-restored',
    ]);
  });
});

describe('what a saved view holds', () => {
  it('ids, positions and settings only: no caption or property value, so it can hold nothing the server withheld', () => {
    const victim = {
      ...entity('victim:b', 'Victim', { name: 'Ingrid Conti', complaintRef: 'CMP-7' }),
      caption: 'Ingrid Conti',
    };
    const scene = addSubgraph(investigated(), { entities: [victim], links: [] });
    const json = savedViewToJson(toSavedView(scene));
    const hash = viewToHash(toSavedView(scene));
    if (!hash.ok) throw new Error(hash.message);
    for (const text of [json, JSON.stringify(viewFromHash(hash.hash))]) {
      expect(text).not.toMatch(/Ingrid|CMP-7|ETH|2024-01-01/);
    }
    expect(json).toContain('victim:b');
  });
});

describe('views in URLs', () => {
  it('round-trips through the hash', () => {
    const view = toSavedView(investigated());
    const hash = viewToHash(view);
    if (!hash.ok) throw new Error(hash.message);
    expect(hash.hash).toMatch(/^#view=[A-Za-z0-9+\-$]+$/);
    expect(viewFromHash(hash.hash)).toEqual({ ok: true, view: JSON.parse(JSON.stringify(view)), problems: [] });
  });

  it('says when a view is too large for a link', () => {
    let scene = emptyScene();
    const many = Array.from({ length: 3000 }, (_, i) => entity(`phone:+7495${String(i * 7919).padStart(7, '0')}`));
    scene = addSubgraph(scene, { entities: many, links: [] });
    const positions = Object.fromEntries(many.map((e, i) => [e.id, { x: i * 13.7, y: (i * 31.3) % 997 }]));
    const result = viewToHash(toSavedView(recordPositions(scene, positions)));
    expect(result).toMatchObject({ ok: false, limit: MAX_HASH_LENGTH, message: expect.stringContaining('too large') });
  });

  it('names a damaged or foreign hash', () => {
    expect(viewFromHash('#other')).toMatchObject({ ok: false });
    expect(viewFromHash('#view=%%%')).toMatchObject({ ok: false, error: expect.stringContaining('damaged') });
  });
});
