/** The read API through app.fetch on the embedded engine with the demo case: entities, search, provenance. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, REPORT_SHA, type DemoApp } from '../testing/demo-app.js';

let api: DemoApp;
let storeCalls: string[][] = [];

beforeAll(async () => {
  // Records the ids of every getEntities call, to see the DataLoader batch.
  api = await demoApp(
    (real) =>
      new Proxy(real, {
        get: (target, prop, receiver) =>
          prop === 'getEntities'
            ? (ids: string[]) => {
                storeCalls.push([...ids]);
                return target.getEntities(ids);
              }
            : Reflect.get(target, prop, receiver),
      }),
  );
}, 120_000);
afterAll(async () => api?.dispose());

const codeOf = (body: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  body.errors?.[0]?.extensions?.['code'];

describe('entity and entities', () => {
  it('entity(id) gives the kind as a concrete type with typed fields', async () => {
    const { body } = await api.gql(`{
      entity(id: "crimegroup:khimprom") {
        __typename id kind caption
        ... on CrimeGroup { name aliases activities }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.entity).toEqual({
      __typename: 'CrimeGroup',
      id: 'crimegroup:khimprom',
      kind: 'CrimeGroup',
      caption: 'Khimprom',
      name: 'Khimprom',
      aliases: ['Khimprom organized crime group'],
      activities: ['fraud', 'drug smuggling'],
    });
  });

  it('typed fields carry Decimal amounts exactly and unset properties as null', async () => {
    const { body } = await api.gql(
      '{ entity(id: "victim:v-0001") { ... on Victim { reportedLoss lossCurrency phone country } } }',
    );
    expect(body.data.entity).toEqual({ reportedLoss: '14399.99', lossCurrency: 'USD', phone: null, country: 'DE' });
  });

  it('entities(ids) keeps the order given and batches the store reads', async () => {
    const { body } = await api.gql('query ($ids: [ID!]!) { entities(ids: $ids) { id } }', {
      ids: ['agency:fsb', 'crimegroup:khimprom', 'agency:mvd'],
    });
    expect(body.data.entities.map((e: { id: string }) => e.id)).toEqual([
      'agency:fsb',
      'crimegroup:khimprom',
      'agency:mvd',
    ]);
  });

  it('an unknown id is NOT_FOUND naming it', async () => {
    const { body } = await api.gql('{ entities(ids: ["agency:mvd", "agency:nowhere"]) { id } }');
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(body.errors![0]!.message).toBe('entity not found: agency:nowhere');
  });

  it('a malformed id is INVALID_ARGUMENT naming it', async () => {
    const { body } = await api.gql('{ entity(id: "nonsense") { id } }');
    expect(codeOf(body)).toBe('INVALID_ARGUMENT');
    expect(body.errors![0]!.message).toContain('"nonsense"');
  });

  it('more than 500 ids is INVALID_ARGUMENT naming the range', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `victim:v-${i}`);
    const { body } = await api.gql('query ($ids: [ID!]!) { entities(ids: $ids) { id } }', { ids });
    expect(codeOf(body)).toBe('INVALID_ARGUMENT');
    expect(body.errors![0]!.message).toContain('ids: 501 ids given (allowed 0 to 500)');
  });
});

describe('search', () => {
  const query = `query ($text: String!, $kinds: [String!], $first: Int!, $after: String) {
    search(text: $text, kinds: $kinds, first: $first, after: $after) {
      totalCount
      edges { cursor score node { id kind caption } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  it('ranks by relevance: the crime group first for its name', async () => {
    const { body } = await api.gql(query, { text: 'Khimprom', first: 5 });
    expect(body.errors).toBeUndefined();
    const { edges } = body.data.search;
    expect(edges[0].node.id).toBe('crimegroup:khimprom');
    const scores = edges.map((e: { score: number }) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages with cursors until the total is reached, no hit twice', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const { body } = await api.gql(query, { text: 'moscow', first: 3, after });
      const search = body.data.search;
      total = search.totalCount;
      seen.push(...search.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(search.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('limits the kinds searched', async () => {
    const { body } = await api.gql(query, { text: 'moscow', kinds: ['CallCentre'], first: 100 });
    expect(body.data.search.edges.length).toBeGreaterThan(0);
    expect(body.data.search.edges.every((e: { node: { kind: string } }) => e.node.kind === 'CallCentre')).toBe(true);
  });

  it.each([
    [{ first: 0 }, 'first: 0 is out of range (allowed 1 to 100)'],
    [{ first: 101 }, 'first: 101 is out of range (allowed 1 to 100)'],
    [{ first: 5, kinds: ['Spaceship'] }, 'kinds: unknown kind "Spaceship"'],
    [{ first: 5, kinds: ['SourceFile'] }, 'kinds: unknown kind "SourceFile"'],
    [{ first: 5, after: 'not-a-cursor' }, 'after: "not-a-cursor" is not a cursor this API gave'],
  ])('refuses %j with INVALID_ARGUMENT', async (variables, message) => {
    const { body } = await api.gql(query, { text: 'moscow', ...variables });
    expect(codeOf(body)).toBe('INVALID_ARGUMENT');
    expect(body.errors![0]!.message).toContain(message);
  });
});

describe('provenance', () => {
  const query = `query ($id: ID!) {
    provenance(id: $id) {
      id entity { id } link { id type }
      sources { sha256 locator fileName title basis loadedAt loadedBy importRun }
    }
  }`;

  it('a reported fact cites the press report line', async () => {
    const { body } = await api.gql(query, { id: 'crimegroup:khimprom' });
    expect(body.errors).toBeUndefined();
    const { sources } = body.data.provenance;
    expect(sources).toContainEqual({
      sha256: REPORT_SHA,
      locator: 'line:17',
      fileName: 'moscow-call-centre-raids.txt',
      title: expect.stringContaining('Moscow Raids'),
      basis: 'reported',
      loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      loadedBy: 'api-test',
      importRun: 'api-test-run',
    });
  });

  it('a row of a seized or synthetic file is cited by file and line, beside the report line', async () => {
    const { body } = await api.gql(query, { id: 'victim:v-0001' });
    const { sources } = body.data.provenance;
    expect(sources).toContainEqual(
      expect.objectContaining({ fileName: 'moscow-call-centres/entities/Victim.csv', locator: 'line:2' }),
    );
    expect(sources).toContainEqual(expect.objectContaining({ sha256: REPORT_SHA, locator: 'line:16' }));
  });

  it('a link has its own sources: the leader of the crime group, from the report', async () => {
    const around = await api.gql(
      '{ neighbourhood(ids: ["crimegroup:khimprom"], linkTypes: ["LEADS"]) { links { id from { id } } } }',
    );
    const lead = around.body.data.neighbourhood.links.find(
      (l: { from: { id: string } }) => l.from.id === 'person:yegor-burkin',
    );
    const { body } = await api.gql(query, { id: lead.id });
    expect(body.data.provenance).toMatchObject({ entity: null, link: { id: lead.id, type: 'LEADS' } });
    expect(body.data.provenance.sources).toContainEqual(
      expect.objectContaining({ sha256: REPORT_SHA, locator: 'line:17', basis: 'reported' }),
    );
  });

  it('resolves the files of many sources in one batched store call', async () => {
    storeCalls = [];
    const { body } = await api.gql(query, { id: 'victim:v-0001' });
    const files = new Set(body.data.provenance.sources.map((s: { sha256: string }) => s.sha256));
    expect(files.size).toBeGreaterThan(1);
    const fileReads = storeCalls.filter((ids) => ids.some((id) => id.startsWith('source:')));
    expect(fileReads).toHaveLength(1);
  });

  it('an unknown link is NOT_FOUND naming it', async () => {
    const { body } = await api.gql(query, { id: 'link:LEADS:0000000000000000' });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(body.errors![0]!.message).toBe('link not found: link:LEADS:0000000000000000');
  });
});

describe('scalars', () => {
  it('datetimes and decimals on links are checked strings', async () => {
    const { body } = await api.gql(`{
      neighbourhood(ids: ["victim:v-0001"], linkTypes: ["PAID"]) { rollups { totals { amount } firstAt } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.neighbourhood.rollups[0].totals[0].amount).toMatch(/^\d+(\.\d+)?$/);
  });
});

describe('batching', () => {
  it("resolves a subgraph's link ends from the result: no entity read besides the expansion", async () => {
    storeCalls = [];
    const { body } = await api.gql(
      '{ neighbourhood(ids: ["crimegroup:khimprom"], depth: 2, limit: 200) { links { from { id } to { id } } } }',
    );
    expect(body.data.neighbourhood.links.length).toBeGreaterThan(10);
    expect(storeCalls).toEqual([]);
  });

  it("reads a link's two ends in one store call when they are not in the result", async () => {
    const around = await api.gql(
      '{ neighbourhood(ids: ["agency:mvd"], linkTypes: ["IMPERSONATES"]) { links { id from { id } to { id } } } }',
    );
    const [link] = around.body.data.neighbourhood.links;
    storeCalls = [];
    const { body } = await api.gql(`{ provenance(id: "${link.id}") { link { from { id } to { id } } } }`);
    expect(body.data.provenance.link).toEqual({ from: link.from, to: link.to });
    expect(storeCalls).toEqual([[link.from.id, link.to.id]]);
  });
});
