/** savedQueries, runSavedQuery and runCypher through app.fetch on the embedded engine with the demo case. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../testing/demo-app.js';

let api: DemoApp;
beforeAll(async () => {
  api = await demoApp();
}, 120_000);
afterAll(async () => api?.dispose());

const RESULT = `name engine columns rows elapsedMs truncated { bound value omitted }
  subgraph { entities { id kind caption } links { id type from { id } to { id } } truncated { bound value omitted } }`;
const RUN_SAVED = `query ($name: String!, $params: JSON, $rowCap: Int, $timeoutMs: Int) {
  runSavedQuery(name: $name, params: $params, rowCap: $rowCap, timeoutMs: $timeoutMs) { ${RESULT} } }`;
const RUN_CYPHER = `query ($query: String!, $params: JSON, $rowCap: Int, $timeoutMs: Int) {
  runCypher(query: $query, params: $params, rowCap: $rowCap, timeoutMs: $timeoutMs) { ${RESULT} } }`;

const errorOf = (body: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) => ({
  code: body.errors?.[0]?.extensions?.['code'],
  message: body.errors?.[0]?.message,
});

describe('savedQueries', () => {
  it('lists the library with typed parameters, and the Cypher this engine runs', async () => {
    const { body } = await api.gql(`{ savedQueries { name title description engines supported returns cypher
      params { name type typeText itemType kinds required optional default min max description } } }`);
    expect(body.errors).toBeUndefined();
    const queries = body.data.savedQueries;
    expect(queries.length).toBeGreaterThanOrEqual(12);
    const trail = queries.find((q: { name: string }) => q.name === 'money-trail');
    expect(trail).toMatchObject({ engines: ['neo4j', 'embedded'], supported: true, returns: 'both' });
    expect(trail.cypher).toContain("interval('1 day')");
    expect(trail.params[0]).toEqual({
      name: 'victim',
      type: 'id',
      typeText: 'id<Victim>',
      itemType: null,
      kinds: ['Victim'],
      required: false,
      optional: false,
      default: 'victim:v-0002',
      min: null,
      max: null,
      description: 'the victim whose payments are followed',
    });
    expect(trail.params[1]).toMatchObject({ name: 'maxHops', type: 'int', min: 1, max: 6, default: 3 });
    const calls = queries.find((q: { name: string }) => q.name === 'calls-per-number-per-day');
    expect(calls.params[0]).toMatchObject({ name: 'number', optional: true, required: false, default: null });
  });
});

describe('runSavedQuery', () => {
  it('gives columns, rows and the subgraph the rows name, link ends resolved', async () => {
    const { body } = await api.gql(RUN_SAVED, {
      name: 'centre-to-crime-group',
      params: { centre: 'callcentre:moscow-vega' },
    });
    expect(body.errors).toBeUndefined();
    const result = body.data.runSavedQuery;
    expect(result).toMatchObject({ name: 'centre-to-crime-group', engine: 'embedded', truncated: [] });
    expect(result.columns).toEqual(['crimeGroup', 'name', 'hops', 'entityIds', 'linkIds']);
    expect(result.rows[0].slice(0, 3)).toEqual(['crimegroup:khimprom', 'Khimprom', 1]);
    expect(result.subgraph.links).toEqual([
      expect.objectContaining({
        type: 'CONTROLS',
        from: { id: 'crimegroup:khimprom' },
        to: { id: 'callcentre:moscow-vega' },
      }),
    ]);
    expect(result.subgraph.entities.map((e: { caption: string }) => e.caption).sort()).toEqual([
      'Khimprom',
      'Vega call centre (synthetic)',
    ]);
  });

  it('reports the row cap when it is hit', async () => {
    const { body } = await api.gql(RUN_SAVED, { name: 'calls-per-number-per-day', rowCap: 5 });
    expect(body.data.runSavedQuery.rows).toHaveLength(5);
    expect(body.data.runSavedQuery.truncated).toEqual([{ bound: 'rowCap', value: 5, omitted: expect.any(Number) }]);
    expect(body.data.runSavedQuery.truncated[0].omitted).toBeGreaterThan(100);
  });

  it.each([
    [{ name: 'mony-trail' }, 'NOT_FOUND', /no saved query named "mony-trail" \(did you mean money-trail\?\)/],
    [
      { name: 'money-trail', params: { maxHops: 'three' } },
      'INVALID_ARGUMENT',
      /^parameter maxHops must be a whole number from 1 to 6 \(int\), got "three"$/,
    ],
    [
      { name: 'money-trail', params: { victim: 'wallet:eth:0xab' } },
      'INVALID_ARGUMENT',
      /parameter victim must be an id of a Victim \(victim:<key>\)/,
    ],
    [
      { name: 'money-trail', params: { from: '2025-13-45' } },
      'INVALID_ARGUMENT',
      /parameter from must be a date YYYY-MM-DD/,
    ],
    [{ name: 'money-trail', params: { hops: 2 } }, 'INVALID_ARGUMENT', /money-trail has no parameter "hops"/],
    [{ name: 'money-trail', params: [1, 2] }, 'INVALID_ARGUMENT', /params: must be a map/],
    [{ name: 'money-trail', rowCap: 0 }, 'INVALID_ARGUMENT', /rowCap: must be a whole number from 1 to 10000/],
    [
      { name: 'money-trail', timeoutMs: 3_600_000 },
      'INVALID_ARGUMENT',
      /timeoutMs: must be a whole number from 1 to 30000/,
    ],
  ])('%j is refused naming what is wrong', async (variables, code, message) => {
    const { body } = await api.gql(RUN_SAVED, variables);
    expect(errorOf(body)).toEqual({ code, message: expect.stringMatching(message) });
  });
});

describe('runCypher', () => {
  it('runs ad-hoc Cypher with parameters through the same runner', async () => {
    const { body } = await api.gql(RUN_CYPHER, {
      query: 'MATCH (v:Victim {id: $id})-[p:PAID]->(w:Wallet) RETURN v, p, w.id AS wallet ORDER BY p.at LIMIT 1',
      params: { id: 'victim:v-0002' },
    });
    expect(body.errors).toBeUndefined();
    const result = body.data.runCypher;
    expect(result.name).toBeNull();
    expect(result.rows[0][0]).toBe('victim:v-0002');
    expect(result.rows[0][1]).toMatch(/^link:PAID:[0-9a-f]{16}$/);
    expect(result.subgraph.links[0]).toMatchObject({ type: 'PAID', from: { id: 'victim:v-0002' } });
  });

  it('names the refused clause, its line and why', async () => {
    const { body } = await api.gql(RUN_CYPHER, { query: "MATCH (v:Victim)\nWITH v\nSET v.name = 'x'" });
    expect(errorOf(body)).toEqual({
      code: 'FORBIDDEN',
      message: 'SET refused at line 3, column 1: SET writes properties or labels',
    });
  });
});
