/**
 * The web's saved-query operations (web/src/api/queries.ts) against the demo app through `app.fetch`:
 * the library with its parameter declarations, a saved query's rows and subgraph in the scene's shapes,
 * the row cap reported, and the server's refusals reaching the caller as coded errors.
 */
import { demoApp, type DemoApp } from '@ringtrace/server/testing/demo-app.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchSavedQueries, runCypher, runSavedQuery, session } from '../../web/src/api/index.js';

let api: DemoApp;

beforeAll(async () => {
  api = await demoApp();
  // As the page does after sign-in: every request carries the token (web/src/api/session.ts).
  session.signIn(api.tokenFor('admin'));
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
    api.app.fetch(new Request(new URL(url, 'http://ringtrace.test'), init)),
  );
}, 120_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  await api?.dispose();
});

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe('web api: saved queries', () => {
  it('lists the library with each parameter declared', async () => {
    const library = await fetchSavedQueries();
    const query = library.find((q) => q.name === 'centre-to-crime-group');
    expect(query).toMatchObject({ supported: true, returns: 'both' });
    expect(query!.params).toEqual([
      expect.objectContaining({
        name: 'centre',
        type: 'id',
        kinds: ['CallCentre'],
        default: 'callcentre:moscow-orion',
      }),
      expect.objectContaining({ name: 'maxHops', type: 'int', min: 1, max: 6, default: 4, required: false }),
    ]);
    expect(library.length).toBeGreaterThanOrEqual(12);
  });

  it('runs a saved query: rows, and the subgraph they name ready for the scene', async () => {
    const answer = await runSavedQuery({
      name: 'centre-to-crime-group',
      params: { centre: 'callcentre:moscow-orion' },
    });
    expect(answer.columns).toEqual(['crimeGroup', 'name', 'hops', 'entityIds', 'linkIds']);
    expect(answer.rows[0]?.[0]).toBe('crimegroup:khimprom');
    const ids = answer.subgraph.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['crimegroup:khimprom', 'callcentre:moscow-orion']));
    for (const link of answer.subgraph.links) expect(ids).toEqual(expect.arrayContaining([link.from, link.to]));
    expect(answer.truncated).toEqual([]);
  });

  it('runs ad-hoc Cypher and reports the row cap it hit', async () => {
    const answer = await runCypher({ query: 'MATCH (v:Victim) RETURN v.id AS id ORDER BY id LIMIT 5', rowCap: 2 });
    expect(answer.name).toBeNull();
    expect(answer.rows).toEqual([['victim:v-0001'], ['victim:v-0002']]);
    expect(answer.truncated).toEqual([{ bound: 'rowCap', value: 2, omitted: 3 }]);
  });

  it('passes the server’s refusals on with their codes: a write, a wrong parameter, an unknown name', async () => {
    const write = await refusal(runCypher({ query: "MATCH (v:Victim) SET v.name = 'x' RETURN v" }));
    expect(write.code).toBe('FORBIDDEN');
    expect(write.message).toMatch(/^SET refused at line 1, column \d+: /);
    const wrong = await refusal(runSavedQuery({ name: 'centre-to-crime-group', params: { centre: 'victim:v-0001' } }));
    expect(wrong.code).toBe('INVALID_ARGUMENT');
    expect(wrong.message).toContain('centre');
    const unknown = await refusal(runSavedQuery({ name: 'centre-to-crime' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('centre-to-crime-group');
  });
});
