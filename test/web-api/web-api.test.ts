/**
 * The web's api layer (web/src/api) against the real API: every document it sends is accepted by the
 * schema and the limits, and the answers map to the scene's shapes. `fetch` is routed to the demo app's
 * `app.fetch` in-process, so no port and no browser.
 */
import { demoApp, type DemoApp } from '@ringtrace/server/testing/demo-app.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fetchConnectingNetwork,
  fetchExistingEntities,
  fetchLinks,
  fetchModel,
  fetchNeighbourhood,
  fetchPaths,
  fetchProvenance,
  searchEntities,
  session,
} from '../../web/src/api/index.js';

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

describe('web api against the server', () => {
  it('model: kinds and relationship types with display hints', async () => {
    const model = await fetchModel();
    expect(model.kinds.find((k) => k.name === 'CrimeGroup')).toMatchObject({ system: false, idPrefix: 'crimegroup' });
    expect(model.relationships.find((r) => r.name === 'PAID')).toMatchObject({ cardinality: 'event' });
  });

  it('search: the crime group first, with kind and caption', async () => {
    const page = await searchEntities({ text: 'khimprom', first: 5 });
    expect(page.hits[0]).toMatchObject({ id: 'crimegroup:khimprom', kind: 'CrimeGroup', caption: 'Khimprom' });
    expect(page.hits[0]!.score).toBeGreaterThan(0);
  });

  it('neighbourhood: links with ids at both ends, rollups and the bound hit', async () => {
    const answer = await fetchNeighbourhood({ ids: ['victim:v-0001'], linkTypes: ['PAID'], limit: 1 });
    expect(answer.links.length).toBeGreaterThan(0);
    for (const link of answer.links) expect(link).toMatchObject({ type: 'PAID', from: 'victim:v-0001' });
    expect(answer.rollups[0]?.from).toBe('victim:v-0001');
    const wide = await fetchNeighbourhood({ ids: ['crimegroup:khimprom'], depth: 2, limit: 1 });
    expect(wide.truncated[0]).toMatchObject({ bound: 'limit', value: 1 });
  });

  it('paths and connecting network: the call centre to the crime group', async () => {
    const answer = await fetchPaths({ from: 'callcentre:moscow-orion', to: 'crimegroup:khimprom' });
    expect(answer.paths[0]?.entityIds[0]).toBe('callcentre:moscow-orion');
    expect(answer.paths[0]?.entityIds.at(-1)).toBe('crimegroup:khimprom');
    const ids = new Set(answer.subgraph.entities.map((e) => e.id));
    for (const link of answer.subgraph.links) expect(ids.has(link.from) && ids.has(link.to)).toBe(true);
    const network = await fetchConnectingNetwork({
      ids: ['callcentre:moscow-orion', 'crimegroup:khimprom'],
      maxHops: 6,
    });
    expect(network.unconnected).toEqual([]);
    expect(network.paths.length).toBeGreaterThan(0);
  });

  it('entities and links by id: what exists, and what does not', async () => {
    const entities = await fetchExistingEntities(['crimegroup:khimprom', 'victim:v-9999', 'agency:fsb']);
    expect(entities.found.map((e) => e.id)).toEqual(['crimegroup:khimprom', 'agency:fsb']);
    expect(entities.missing).toEqual(['victim:v-9999']);
    const around = await fetchNeighbourhood({ ids: ['crimegroup:khimprom'], limit: 3 });
    const known = around.links[0]!;
    const links = await fetchLinks(['link:CALLED:0000000000000000', known.id]);
    expect(links.found).toEqual([known]);
    expect(links.missing).toEqual(['link:CALLED:0000000000000000']);
  });

  it('provenance of a link: its ends and the source rows', async () => {
    const around = await fetchNeighbourhood({ ids: ['victim:v-0001'], linkTypes: ['PAID'] });
    const link = around.links[0]!;
    const provenance = await fetchProvenance(link.id);
    expect(provenance.link).toMatchObject({ id: link.id, type: 'PAID', from: { id: 'victim:v-0001' } });
    expect(provenance.sources.length).toBeGreaterThan(0);
    expect(provenance.sources[0]!.locator).toMatch(/^[a-z]+:/);
  });
});
