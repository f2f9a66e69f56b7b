import { describe, expect, it } from 'vitest';
import type { Entity, Link, Path, PathResult } from '../graph.js';
import { connectingNetwork } from './connecting-network.js';
import type { GraphReader } from './graph-reader.js';

const entity = (id: string): Entity => ({ id, kind: 'Person', properties: {}, sources: [] });
const link = (from: string, to: string): Link => ({
  id: `link:MEMBER_OF:${from}-${to}`,
  type: 'MEMBER_OF',
  from,
  to,
  properties: {},
  sources: [],
});

/** A reader over an undirected graph, with breadth-first shortest paths (one per pair) and a call log. */
function reader(ids: string[], links: Link[]) {
  const calls: string[] = [];
  const store: GraphReader = {
    getEntities: async (wanted) => wanted.filter((id) => ids.includes(id)).map(entity),
    getLinks: async () => [],
    search: async () => ({ hits: [], total: 0 }),
    expand: async () => ({ entities: [], links: [], truncated: null }),
    async shortestPaths({ from, to, maxHops }): Promise<PathResult> {
      calls.push(`${from}>${to}`);
      const previous = new Map<string, { id: string; link: Link } | null>([[from, null]]);
      let frontier = [from];
      for (let hop = 0; hop < maxHops && !previous.has(to); hop++) {
        const next: string[] = [];
        for (const id of frontier)
          for (const l of links) {
            const other = l.from === id ? l.to : l.to === id ? l.from : undefined;
            if (other && !previous.has(other)) {
              previous.set(other, { id, link: l });
              next.push(other);
            }
          }
        frontier = next;
      }
      if (!previous.has(to)) return { paths: [], entities: [], links: [], truncated: null };
      const path: Path = { entityIds: [to], linkIds: [] };
      const used: Link[] = [];
      for (let at = previous.get(to); at; at = previous.get(at.id)) {
        (path.entityIds as string[]).unshift(at.id);
        (path.linkIds as string[]).unshift(at.link.id);
        used.push(at.link);
      }
      return { paths: [path], entities: path.entityIds.map(entity), links: used, truncated: null };
    },
  };
  return { store, calls };
}

const ids = ['person:a', 'person:b', 'person:c', 'person:d', 'person:x', 'person:e'];
// a - b - c - d, and x hanging off b; e is alone.
const links = [
  link('person:a', 'person:b'),
  link('person:b', 'person:c'),
  link('person:c', 'person:d'),
  link('person:x', 'person:b'),
];

describe('connectingNetwork', () => {
  it('joins the seeds by a tree through the entities between them', async () => {
    const { store } = reader(ids, links);
    const result = await connectingNetwork(store, { ids: ['person:a', 'person:d', 'person:x'], maxHops: 5 });
    expect(result.unconnected).toEqual([]);
    expect(result.subgraph.truncated).toEqual([]);
    expect(new Set(result.subgraph.entities.map((e) => e.id))).toEqual(
      new Set(['person:a', 'person:b', 'person:c', 'person:d', 'person:x']),
    );
    // A tree: 5 entities, 4 links. The closest pair (a, x: 2 hops) starts it; d's path to a is cut where
    // it meets the tree at b, so it adds 2 links, not 3.
    expect(result.subgraph.links).toHaveLength(4);
    expect(result.paths.map((p) => p.entityIds)).toEqual([
      ['person:a', 'person:b', 'person:x'],
      ['person:d', 'person:c', 'person:b'],
    ]);
  });

  it('reports the seeds it cannot join', async () => {
    const { store } = reader(ids, links);
    const result = await connectingNetwork(store, { ids: ['person:a', 'person:e', 'person:b'], maxHops: 5 });
    expect(result.unconnected).toEqual(['person:e']);
    expect(result.subgraph.truncated).toEqual([{ bound: 'maxHops', value: expect.any(Number), omitted: 1 }]);
    expect(result.subgraph.links).toHaveLength(1);
  });

  it('asks the store once per pair of seeds', async () => {
    const { store, calls } = reader(ids, links);
    await connectingNetwork(store, { ids: ['person:a', 'person:b', 'person:c', 'person:d'], maxHops: 5 });
    expect(calls).toHaveLength(6);
  });

  it('refuses an unknown seed, and fewer than two', async () => {
    const { store } = reader(ids, links);
    await expect(connectingNetwork(store, { ids: ['person:a', 'person:zz'], maxHops: 3 })).rejects.toThrow(
      'entity not found: person:zz',
    );
    await expect(connectingNetwork(store, { ids: ['person:a'], maxHops: 3 })).rejects.toThrow(
      'ids: 1 ids given (allowed 2 to 10)',
    );
  });
});
