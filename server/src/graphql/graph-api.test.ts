/** neighbourhood, paths, connectingNetwork and rollups through app.fetch on the embedded engine with the demo case. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../testing/demo-app.js';

let api: DemoApp;
beforeAll(async () => {
  api = await demoApp();
}, 120_000);
afterAll(async () => api?.dispose());

const codeOf = (body: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  body.errors?.[0]?.extensions?.['code'];

const SUBGRAPH = `
  entities { id kind }
  links { id type from { id } to { id } }
  truncated { bound value omitted }
  rollups { type from { id } to { id } count totals { asset amount } firstAt lastAt linkIds }
`;

describe('neighbourhood', () => {
  const query = `query ($ids: [ID!]!, $depth: Int!, $kinds: [String!], $linkTypes: [String!], $limit: Int!) {
    neighbourhood(ids: $ids, depth: $depth, kinds: $kinds, linkTypes: $linkTypes, limit: $limit) { ${SUBGRAPH} }
  }`;
  const around = (variables: Record<string, unknown>) => api.gql(query, { depth: 1, limit: 100, ...variables });

  it('gives the entities and links around a seed, link ends resolved', async () => {
    const { body } = await around({ ids: ['crimegroup:khimprom'] });
    expect(body.errors).toBeUndefined();
    const { entities, links, truncated } = body.data.neighbourhood;
    const ids = entities.map((e: { id: string }) => e.id);
    expect(ids).toContain('crimegroup:khimprom');
    expect(ids).toContain('person:yegor-burkin');
    expect(ids.filter((id: string) => id.startsWith('callcentre:'))).toHaveLength(5);
    expect(truncated).toEqual([]);
    for (const link of links) {
      expect(ids).toContain(link.from.id);
      expect(ids).toContain(link.to.id);
    }
  });

  it('rolls up calls and payments between the same pair, sums exact', async () => {
    const { body } = await around({ ids: ['victim:v-0254'] });
    const { rollups } = body.data.neighbourhood;
    expect(rollups).toContainEqual({
      type: 'CALLED',
      from: { id: 'phone:+79165550003' },
      to: { id: 'victim:v-0254' },
      count: 3,
      totals: [],
      firstAt: '2024-09-02T10:40:58.000Z',
      lastAt: '2024-09-09T18:08:17.000Z',
      linkIds: expect.any(Array),
    });
    expect(rollups).toContainEqual(
      expect.objectContaining({
        type: 'PAID',
        from: { id: 'victim:v-0254' },
        count: 1,
        totals: [{ asset: 'USDT', amount: '7480.3' }],
      }),
    );
    const v1 = await around({ ids: ['victim:v-0001'], linkTypes: ['PAID'] });
    expect(v1.body.data.neighbourhood.rollups).toEqual([
      expect.objectContaining({
        type: 'PAID',
        to: { id: 'wallet:eth:0xc1b31b9b80a48bbd2f3940348a67622498eed1c9' },
        count: 2,
        // 2.499836 + 2.300165, as a float sum would not give it
        totals: [{ asset: 'ETH', amount: '4.800001' }],
        firstAt: '2025-02-03T17:16:51.000Z',
        lastAt: '2025-02-06T14:43:45.000Z',
      }),
    ]);
  });

  it('follows only the kinds and link types asked for', async () => {
    const { body } = await around({ ids: ['crimegroup:khimprom'], kinds: ['CallCentre'], linkTypes: ['CONTROLS'] });
    const { entities, links } = body.data.neighbourhood;
    expect(
      entities
        .filter((e: { kind: string }) => e.kind !== 'CrimeGroup')
        .every((e: { kind: string }) => e.kind === 'CallCentre'),
    ).toBe(true);
    expect(links.every((l: { type: string }) => l.type === 'CONTROLS')).toBe(true);
  });

  it('reports the limit it hit', async () => {
    const { body } = await around({ ids: ['crimegroup:khimprom'], depth: 2, limit: 3 });
    const { entities, truncated } = body.data.neighbourhood;
    expect(entities).toHaveLength(4); // the seed and 3
    expect(truncated).toEqual([{ bound: 'limit', value: 3, omitted: expect.any(Number) }]);
    expect(truncated[0].omitted).toBeGreaterThan(0);
  });

  it.each([
    [{ depth: 0 }, 'depth: 0 is out of range (allowed 1 to 3)'],
    [{ depth: 4 }, 'depth: 4 is out of range (allowed 1 to 3)'],
    [{ limit: 0 }, 'limit: 0 is out of range (allowed 1 to 500)'],
    [{ limit: 501 }, 'limit: 501 is out of range (allowed 1 to 500)'],
    [{ kinds: ['Spaceship'] }, 'kinds: unknown kind "Spaceship"'],
    [{ linkTypes: ['OWES'] }, 'linkTypes: unknown link type "OWES"'],
    [{ ids: [] }, 'ids: 0 ids given (allowed 1 to 50)'],
  ])('refuses %j with INVALID_ARGUMENT naming it', async (variables, message) => {
    const { body } = await around({ ids: ['crimegroup:khimprom'], ...variables });
    expect(codeOf(body)).toBe('INVALID_ARGUMENT');
    expect(body.errors![0]!.message).toContain(message);
  });

  it('an unknown seed is NOT_FOUND naming it', async () => {
    const { body } = await around({ ids: ['crimegroup:khimprom', 'person:nobody'] });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(body.errors![0]!.message).toBe('entity not found: person:nobody');
  });
});

describe('paths', () => {
  const query = `query ($from: ID!, $to: ID!, $maxHops: Int!, $limit: Int!) {
    paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit) {
      paths { entityIds linkIds hops }
      subgraph { ${SUBGRAPH} }
    }
  }`;
  const between = (variables: Record<string, unknown>) => api.gql(query, { maxHops: 6, limit: 10, ...variables });

  it('links the ring to the crime group: a call centre to Khimprom', async () => {
    const { body } = await between({ from: 'callcentre:moscow-orion', to: 'crimegroup:khimprom' });
    expect(body.errors).toBeUndefined();
    const { paths, subgraph } = body.data.paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.entityIds[0]).toBe('callcentre:moscow-orion');
      expect(path.entityIds.at(-1)).toBe('crimegroup:khimprom');
      expect(path.hops).toBe(paths[0].hops); // all shortest: the same length
      expect(path.linkIds).toHaveLength(path.hops);
    }
    expect(paths[0].hops).toBe(1); // CONTROLS
    expect(subgraph.links.map((l: { type: string }) => l.type)).toContain('CONTROLS');
  });

  it('from a number the ring calls from, up through its seat and centre to Khimprom', async () => {
    const { body } = await between({ from: 'phone:+74955551003', to: 'crimegroup:khimprom' });
    expect(body.errors).toBeUndefined();
    const { paths, subgraph } = body.data.paths;
    expect(paths.length).toBeGreaterThan(0);
    const kinds = new Map(subgraph.entities.map((e: { id: string; kind: string }) => [e.id, e.kind]));
    for (const path of paths) {
      expect(path.entityIds.map((id: string) => kinds.get(id))).toEqual([
        'PhoneNumber',
        'Workstation',
        'CallCentre',
        'CrimeGroup',
      ]);
    }
    expect(new Set(subgraph.links.map((l: { type: string }) => l.type))).toEqual(
      new Set(['USES_NUMBER', 'HAS_WORKSTATION', 'CONTROLS']),
    );
  });

  it('from a victim, the subgraph is exactly the entities on the shortest paths to Khimprom', async () => {
    const { body } = await between({ from: 'victim:v-0001', to: 'crimegroup:khimprom' });
    const { paths, subgraph } = body.data.paths;
    expect(paths.length).toBeGreaterThan(0);
    const onPaths = new Set(paths.flatMap((p: { entityIds: string[] }) => p.entityIds));
    expect(new Set(subgraph.entities.map((e: { id: string }) => e.id))).toEqual(onPaths);
  });

  it('reports the paths the limit left out', async () => {
    const all = await between({ from: 'victim:v-0001', to: 'crimegroup:khimprom', limit: 500 });
    const total = all.body.data.paths.paths.length;
    expect(total).toBeGreaterThan(1);
    const { body } = await between({ from: 'victim:v-0001', to: 'crimegroup:khimprom', limit: 1 });
    expect(body.data.paths.paths).toHaveLength(1);
    expect(body.data.paths.subgraph.truncated).toEqual([{ bound: 'limit', value: 1, omitted: total - 1 }]);
  });

  it('gives no path when maxHops is too short', async () => {
    const { body } = await between({ from: 'victim:v-0001', to: 'crimegroup:khimprom', maxHops: 1 });
    expect(body.data.paths.paths).toEqual([]);
  });

  it.each([
    [{ maxHops: 0 }, 'maxHops: 0 is out of range (allowed 1 to 10)'],
    [{ maxHops: 11 }, 'maxHops: 11 is out of range (allowed 1 to 10)'],
    [{ limit: 501 }, 'limit: 501 is out of range (allowed 1 to 500)'],
    [{ to: 'bogus' }, 'to: "bogus" is not an entity id'],
  ])('refuses %j with INVALID_ARGUMENT naming it', async (variables, message) => {
    const { body } = await between({ from: 'callcentre:moscow-orion', to: 'crimegroup:khimprom', ...variables });
    expect(codeOf(body)).toBe('INVALID_ARGUMENT');
    expect(body.errors![0]!.message).toContain(message);
  });

  it('an unknown end is NOT_FOUND naming it', async () => {
    const { body } = await between({ from: 'callcentre:moscow-orion', to: 'crimegroup:nobody' });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(body.errors![0]!.message).toBe('entity not found: crimegroup:nobody');
  });
});

describe('connectingNetwork', () => {
  const query = `query ($ids: [ID!]!, $maxHops: Int!) {
    connectingNetwork(ids: $ids, maxHops: $maxHops) {
      paths { entityIds hops }
      unconnected
      subgraph { ${SUBGRAPH} }
    }
  }`;

  it('joins a victim, a call centre and the crime group in one tree', async () => {
    const seeds = ['victim:v-0001', 'callcentre:moscow-orion', 'crimegroup:khimprom'];
    const { body } = await api.gql(query, { ids: seeds, maxHops: 6 });
    expect(body.errors).toBeUndefined();
    const { subgraph, unconnected, paths } = body.data.connectingNetwork;
    expect(unconnected).toEqual([]);
    const ids = new Set(subgraph.entities.map((e: { id: string }) => e.id));
    for (const seed of seeds) expect(ids).toContain(seed);
    // A tree: one link fewer than its entities, and every link inside it.
    expect(subgraph.links).toHaveLength(ids.size - 1);
    for (const link of subgraph.links) {
      expect(ids).toContain(link.from.id);
      expect(ids).toContain(link.to.id);
    }
    expect(paths).toHaveLength(2);
  });

  it('reports a seed it cannot join within maxHops', async () => {
    const { body } = await api.gql(query, {
      ids: ['callcentre:moscow-orion', 'crimegroup:khimprom', 'victim:v-0001'],
      maxHops: 1,
    });
    expect(body.data.connectingNetwork.unconnected).toEqual(['victim:v-0001']);
    expect(body.data.connectingNetwork.subgraph.links).toHaveLength(1);
    expect(body.data.connectingNetwork.subgraph.truncated).toEqual([{ bound: 'maxHops', value: 1, omitted: 1 }]);
  });

  it.each([
    [{ ids: ['crimegroup:khimprom'], maxHops: 6 }, 'ids: 1 ids given (allowed 2 to 10)'],
    [{ ids: ['crimegroup:khimprom', 'agency:mvd'], maxHops: 11 }, 'maxHops: 11 is out of range (allowed 1 to 10)'],
  ])('refuses %j with INVALID_ARGUMENT', async (variables, message) => {
    const { body } = await api.gql(query, variables);
    expect(codeOf(body)).toBe('INVALID_ARGUMENT');
    expect(body.errors![0]!.message).toContain(message);
  });

  it('an unknown seed is NOT_FOUND naming it', async () => {
    const { body } = await api.gql(query, { ids: ['crimegroup:khimprom', 'victim:v-9999'], maxHops: 3 });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(body.errors![0]!.message).toBe('entity not found: victim:v-9999');
  });
});
