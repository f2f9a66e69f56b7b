/**
 * Removal through app.fetch on a fresh embedded store with the demo case (its own temp database): hand-made
 * facts go at once, evidence only with force, and every removal is recorded as entered by the caller.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp, type GraphQLBody } from '../testing/demo-app.js';

let api: DemoApp;
let livesIn: string;
let paid: string;

const WALLET = 'wallet:eth:0xc1b31b9b80a48bbd2f3940348a67622498eed1c9';
const SOURCE = 'sha256 locator fileName title basis loadedBy loadedAt';
const REMOVAL = `id entities links overridden { sha256 locator } source { ${SOURCE} }`;
const REMOVE_LINK = `mutation ($id: ID!, $force: Boolean! = false) { removeLink(id: $id, force: $force) { ${REMOVAL} } }`;
const REMOVE_ENTITY = `mutation ($id: ID!, $force: Boolean! = false) { removeEntity(id: $id, force: $force) { ${REMOVAL} } }`;
const PROVENANCE = 'query ($id: ID!) { provenance(id: $id) { sources { sha256 locator } } }';
const RECORD = 'query ($id: ID!) { entity(id: $id) { ... on SourceFile { title basis loadedBy loadedAt } } }';

function refusal(body: GraphQLBody) {
  expect(body.errors, JSON.stringify(body.data)).toHaveLength(1);
  return { code: body.errors![0]!.extensions?.['code'], message: body.errors![0]!.message };
}

async function ok(query: string, variables: Record<string, unknown>) {
  const { body } = await api.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const linkCount = async (id: string) =>
  (
    await ok(
      'query ($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 500) { links { from { id } to { id } } } }',
      { id },
    )
  ).neighbourhood.links.filter((l: { from: { id: string }; to: { id: string } }) => l.from.id === id || l.to.id === id)
    .length;

beforeAll(async () => {
  api = await demoApp();
  await ok(
    'mutation { createEntity(kind: "Victim", key: "v-9100", properties: { name: "Hand Made" }) { changed } }',
    {},
  );
  const link =
    'mutation ($type: String!, $from: ID!, $to: ID!, $p: JSON) { linkEntities(type: $type, from: $from, to: $to, properties: $p) { link { id } } }';
  livesIn = (await ok(link, { type: 'LIVES_IN', from: 'victim:v-9100', to: 'country:DE' })).linkEntities.link.id;
  const p = { amount: '10', asset: 'USDT', at: '2025-03-02T00:00:00Z' };
  paid = (await ok(link, { type: 'PAID', from: 'victim:v-9100', to: WALLET, p })).linkEntities.link.id;
}, 120_000);
afterAll(async () => api?.dispose());

describe('removeLink', () => {
  it('removes a hand-made link at once and records who removed it, when', async () => {
    const { removeLink } = await ok(REMOVE_LINK, { id: livesIn });
    expect(removeLink).toMatchObject({
      id: livesIn,
      entities: 0,
      links: 1,
      overridden: [],
      source: {
        locator: 'edit:1',
        fileName: `edit by ${api.callerIdOf('admin')}`,
        basis: 'manual',
        loadedBy: api.callerIdOf('admin'),
        title: `removeLink ${livesIn}: LIVES_IN victim:v-9100 -> country:DE`,
      },
    });
    expect(refusal((await api.gql(PROVENANCE, { id: livesIn })).body)).toEqual({
      code: 'NOT_FOUND',
      message: `link not found: ${livesIn}`,
    });
  });

  it('is NOT_FOUND naming the link when asked again, INVALID_ARGUMENT for what is no link id', async () => {
    expect(refusal((await api.gql(REMOVE_LINK, { id: livesIn })).body)).toEqual({
      code: 'NOT_FOUND',
      message: `link not found: ${livesIn}`,
    });
    const bad = refusal((await api.gql(REMOVE_LINK, { id: 'victim:v-0001' })).body);
    expect(bad).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'id: "victim:v-0001" is not a link id (expected link:<TYPE>:<hash>)',
    });
    expect(refusal((await api.gql(REMOVE_LINK, { id: 'link:LOVES:abc' })).body).code).toBe('INVALID_ARGUMENT');
  });

  it('refuses to remove evidence without force, naming the files and rows; with force removes it and says so', async () => {
    const { neighbourhood } = await ok(
      '{ neighbourhood(ids: ["victim:v-0003"], depth: 1, linkTypes: ["LIVES_IN"]) { links { id } } }',
      {},
    );
    const id = neighbourhood.links[0].id as string;
    const sources = (await ok(PROVENANCE, { id })).provenance.sources;
    const refused = refusal((await api.gql(REMOVE_LINK, { id })).body);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      new RegExp(
        `^${id} is asserted by evidence: .*LIVES_IN\\.csv \\(synthetic\\) line:\\d+.*; pass force: true to remove it anyway$`,
      ),
    );
    expect((await ok(PROVENANCE, { id })).provenance.sources).toEqual(sources);

    const { removeLink } = await ok(REMOVE_LINK, { id, force: true });
    expect(removeLink).toMatchObject({ links: 1, overridden: sources });
    const record = (await ok(RECORD, { id: `source:${removeLink.source.sha256}` })).entity;
    expect(record).toMatchObject({ basis: 'manual', loadedBy: api.callerIdOf('admin'), loadedAt: removeLink.source.loadedAt });
    expect(record.title).toMatch(
      /^removeLink link:LIVES_IN:\w+: LIVES_IN victim:v-0003 -> country:DE; forced over evidence: .*LIVES_IN\.csv \(synthetic\)/,
    );
  });
});

describe('removeEntity', () => {
  it('removes a hand-made entity with its hand-made links, leaving what they joined', async () => {
    const { removeEntity } = await ok(REMOVE_ENTITY, { id: 'victim:v-9100' });
    expect(removeEntity).toMatchObject({ id: 'victim:v-9100', entities: 1, links: 1, overridden: [] });
    expect(removeEntity.source.title).toBe('removeEntity victim:v-9100 with 1 links');
    expect(refusal((await api.gql('{ entity(id: "victim:v-9100") { id } }', {})).body).code).toBe('NOT_FOUND');
    expect(refusal((await api.gql(PROVENANCE, { id: paid })).body).code).toBe('NOT_FOUND');
    expect((await ok('{ search(text: "Hand Made") { edges { node { id } } } }', {})).search.edges).toEqual([]);
    expect((await ok(`{ entity(id: "${WALLET}") { id } }`, {})).entity.id).toBe(WALLET);
  });

  it('refuses to remove an entity that evidence asserts, or whose links it asserts, unless forced', async () => {
    const id = 'victim:v-0003';
    const links = await linkCount(id);
    expect(links).toBeGreaterThan(0);
    const refused = refusal((await api.gql(REMOVE_ENTITY, { id })).body);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      new RegExp(`^${id} is asserted by evidence \\(itself or its ${links} links\\): .*Victim\\.csv \\(synthetic\\)`),
    );
    expect((await ok(`{ entity(id: "${id}") { id } }`, {})).entity.id).toBe(id);

    const before = (await ok('{ stats { links { type count } } }', {})).stats.links;
    const total = (rows: Array<{ count: number }>) => rows.reduce((n, r) => n + r.count, 0);
    const { removeEntity } = await ok(REMOVE_ENTITY, { id, force: true });
    expect(removeEntity).toMatchObject({ id, entities: 1, links });
    expect(removeEntity.overridden.length).toBeGreaterThan(links);
    expect(removeEntity.source.title).toMatch(
      new RegExp(`^removeEntity ${id} with ${links} links; forced over evidence: `),
    );
    expect(total((await ok('{ stats { links { type count } } }', {})).stats.links)).toBe(total(before) - links);
    expect(refusal((await api.gql(`{ entity(id: "${id}") { id } }`, {})).body).code).toBe('NOT_FOUND');
  });

  it('is NOT_FOUND naming an unknown entity, INVALID_ARGUMENT for a source file or a malformed id', async () => {
    expect(refusal((await api.gql(REMOVE_ENTITY, { id: 'victim:nobody' })).body)).toEqual({
      code: 'NOT_FOUND',
      message: 'entity not found: victim:nobody',
    });
    const source = refusal((await api.gql(REMOVE_ENTITY, { id: `source:${'0'.repeat(64)}` })).body);
    expect(source.code).toBe('INVALID_ARGUMENT');
    expect(source.message).toMatch(/^id: SourceFile is a system kind/);
    expect(refusal((await api.gql(REMOVE_ENTITY, { id: 'nonsense' })).body).code).toBe('INVALID_ARGUMENT');
  });
});
