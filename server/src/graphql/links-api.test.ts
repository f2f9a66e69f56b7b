/** links(ids) through app.fetch on the demo case: what a saved view's links are restored from. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../testing/demo-app.js';

let api: DemoApp;

beforeAll(async () => {
  api = await demoApp();
}, 120_000);
afterAll(async () => api?.dispose());

describe('links(ids)', () => {
  it('gives the links in the order asked, with their ends, and null for ids that name none', async () => {
    const around = await api.gql('{ neighbourhood(ids: ["crimegroup:khimprom"], limit: 5) { links { id type } } }');
    const known: string[] = around.body.data.neighbourhood.links.map((l: { id: string }) => l.id).slice(0, 2);
    expect(known).toHaveLength(2);
    const ids = [known[1]!, 'link:CALLED:0000000000000000', 'not-a-link', known[0]!];
    const { body } = await api.gql('query ($ids: [ID!]!) { links(ids: $ids) { id type from { id } to { id } } }', {
      ids,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.links.map((l: { id: string } | null) => l?.id ?? null)).toEqual([known[1], null, null, known[0]]);
    expect(body.data.links[0].from.id).toMatch(/^[a-z]+:/);
  });

  it('refuses more than 500 ids with INVALID_ARGUMENT', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `link:CALLED:${String(i).padStart(16, '0')}`);
    const { body } = await api.gql('query ($ids: [ID!]!) { links(ids: $ids) { id } }', { ids });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INVALID_ARGUMENT');
  });
});
