import { describe, expect, it } from 'vitest';
import type { Link } from '../../domain/graph.js';
import { boundLinks, checkExpand, checkPaths } from './traverse.js';

const link = (id: string, from: string, to: string): Link => ({
  id,
  type: 'CALLED',
  from,
  to,
  properties: {},
  sources: [],
});

describe('boundLinks', () => {
  const links = [
    link('l3', 'phone:a', 'victim:1'),
    link('l1', 'phone:a', 'victim:1'),
    link('l2', 'victim:1', 'phone:a'),
    link('l4', 'phone:a', 'victim:2'),
    link('l5', 'phone:b', 'victim:2'),
  ];

  it('keeps one link per pair before any pair gets a second, by id, and counts the rest', () => {
    const { links: kept, omitted } = boundLinks(links, 3);
    expect(kept.map((l) => l.id)).toEqual(['l1', 'l4', 'l5']);
    expect(omitted).toBe(2);
    expect(boundLinks(links, 4).links.map((l) => l.id)).toEqual(['l1', 'l2', 'l4', 'l5']);
    expect(boundLinks(links, 10)).toEqual({ links: [...links].sort((a, b) => (a.id < b.id ? -1 : 1)), omitted: 0 });
  });
});

describe('option checks', () => {
  const expand = { seeds: ['victim:1'], depth: 2, limit: 10 };

  it('refuses bad expansion bounds, kinds and seeds by name', () => {
    expect(() => checkExpand({ ...expand, depth: 4 })).toThrow(/depth: must be a whole number from 1 to 3/);
    expect(() => checkExpand({ ...expand, limit: -1 })).toThrow(/limit/);
    expect(() => checkExpand({ ...expand, linkLimit: 1.5 })).toThrow(/linkLimit/);
    expect(() => checkExpand({ ...expand, seeds: [] })).toThrow(/seeds: needs at least one entity id/);
    expect(() => checkExpand({ ...expand, kinds: ['SourceFile'] })).toThrow(/SourceFile is a system kind/);
    expect(() => checkExpand({ ...expand, linkTypes: ['LOVES'] })).toThrow(/LOVES/);
  });

  it('defaults to every investigation kind and every type', () => {
    const o = checkExpand(expand);
    expect(o.kinds.has('Victim')).toBe(true);
    expect(o.kinds.has('SourceFile')).toBe(false);
    expect(o.types).toContain('CALLED');
    expect(o.linkLimit).toBe(10_000);
  });

  it('refuses path bounds beyond ten hops', () => {
    expect(() => checkPaths({ from: 'a:1', to: 'b:2', maxHops: 11, limit: 1 })).toThrow(/maxHops/);
    expect(() => checkPaths({ from: 'a:1', to: 'b:2', maxHops: 10, limit: 1001 })).toThrow(/limit/);
  });
});
