/**
 * The web app against a server that runs only persisted operations (RINGTRACE_PERSISTED_OPERATIONS=only):
 * every function of web/src/api works, every request carries its document's hash, and together they
 * send every operation of the manifest (so the manifest's extraction and the app's run-time text agree).
 */
import { createApp, type App } from '@ringtrace/server/app.js';
import { loadPersistedOperations } from '@ringtrace/server/http/persisted-operations.js';
import { createLogger } from '@ringtrace/server/logger.js';
import { demoApp, type DemoApp } from '@ringtrace/server/testing/demo-app.js';
import { createTestAuth, type TestAuth } from '@ringtrace/server/testing/test-auth.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fetchConnectingNetwork,
  fetchExistingEntities,
  fetchLinks,
  fetchMe,
  fetchModel,
  fetchNeighbourhood,
  fetchOverview,
  fetchPaths,
  fetchProvenance,
  fetchSavedQueries,
  runCypher,
  runSavedQuery,
  searchEntities,
  session,
} from '../../web/src/api/index.js';

let api: DemoApp;
let auth: TestAuth;
let app: App;
const sentHashes = new Set<string>();
const statuses: number[] = [];

beforeAll(async () => {
  api = await demoApp();
  auth = await createTestAuth();
  app = createApp({
    store: api.store,
    logger: createLogger('silent'),
    authenticator: auth.authenticator,
    persistedOperations: 'only',
  });
  session.signIn(auth.tokenFor('admin'));
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { extensions?: { persistedQuery?: { sha256Hash?: string } } };
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (hash) sentHashes.add(hash);
    const response = await app.fetch(new Request(new URL(url, 'http://ringtrace.test'), init));
    statuses.push(response.status);
    return response;
  });
}, 120_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  await auth?.dispose();
  await api?.dispose();
});

describe('the web api in only mode', () => {
  it('runs every operation the app has', async () => {
    expect((await fetchMe()).role).toBe('admin');
    expect((await fetchModel()).kinds.length).toBeGreaterThan(0);
    await fetchOverview();
    expect((await searchEntities({ text: 'khimprom' })).hits[0]?.id).toBe('crimegroup:khimprom');
    expect((await fetchNeighbourhood({ ids: ['crimegroup:khimprom'] })).entities.length).toBeGreaterThan(1);
    const paths = await fetchPaths({ from: 'callcentre:moscow-orion', to: 'crimegroup:khimprom' });
    expect(paths.paths.length).toBeGreaterThan(0);
    await fetchConnectingNetwork({ ids: ['callcentre:moscow-orion', 'crimegroup:khimprom'] });
    expect((await fetchExistingEntities(['agency:fsb'])).found).toHaveLength(1);
    await fetchLinks([paths.paths[0]!.linkIds[0]!]);
    await fetchProvenance('crimegroup:khimprom');
    expect((await fetchSavedQueries()).length).toBeGreaterThan(0);
    const saved = await runSavedQuery({ name: 'centre-to-crime-group', params: { centre: 'callcentre:moscow-orion' } });
    expect(saved.rows[0]?.[0]).toBe('crimegroup:khimprom');
    // An analyst's own Cypher: a variable of the persisted RunCypher operation.
    expect((await runCypher({ query: 'MATCH (g:CrimeGroup) RETURN g.id AS id' })).rows).toContainEqual([
      'crimegroup:khimprom',
    ]);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('sent every operation of the manifest, each with its hash', () => {
    expect([...sentHashes].sort()).toEqual([...loadPersistedOperations().keys()].sort());
  });
});
