/**
 * Victims' personal fields through every route an entity leaves by, for a viewer (no personal:read) and
 * an analyst: entity(ies), search, neighbourhood, paths, connecting network, links' and rollups' ends,
 * provenance and a hand edit's record title. A viewer's whole response never holds a demo personal value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp, type GraphQLBody } from '../testing/demo-app.js';
import { demoPersonalValues, findLeak } from '../testing/demo-personal.js';

let demo: DemoApp;
const personal = demoPersonalValues();
const VICTIM = 'victim:v-0001';
const PHONE = 'phone:+74955551003';

const FIELDS = `id kind caption withheld properties ... on Victim { name email phone country complaintRef }`;

beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo?.dispose());

/** The same document as a viewer and as an analyst; the viewer's whole answer is checked for leaks. */
async function asBoth(query: string, variables: Record<string, unknown> = {}) {
  const viewer = await demo.gqlAs('viewer', query, variables);
  const analyst = await demo.gqlAs('analyst', query, variables);
  expect(viewer.body.errors).toBeUndefined();
  expect(analyst.body.errors).toBeUndefined();
  expect(findLeak(JSON.stringify(viewer.body), personal)).toBeUndefined();
  return { viewer: viewer.body.data, analyst: analyst.body.data };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const victimsIn = (entities: any[]) => entities.filter((e) => e.kind === 'Victim');

/** A redacted victim as every route must give it to a viewer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectRedacted(entity: any) {
  expect(entity.kind).toBe('Victim');
  expect(entity.name).toBeNull();
  expect(entity.email).toBeNull();
  expect(entity.withheld).toEqual(expect.arrayContaining(['name', 'email']));
  expect(entity.properties).not.toHaveProperty('name');
  expect(entity.properties).not.toHaveProperty('email');
  expect(entity.caption).toBe(entity.id.slice('victim:'.length));
  expect(entity.country).toEqual(expect.any(String));
}

describe('redaction of personal fields, route by route', () => {
  it('entity and entities', async () => {
    const { viewer, analyst } = await asBoth(
      `query($id: ID!, $ids: [ID!]!) { entity(id: $id) { ${FIELDS} } entities(ids: $ids) { ${FIELDS} } }`,
      { id: VICTIM, ids: [VICTIM, 'victim:v-0002'] },
    );
    expectRedacted(viewer.entity);
    expect(viewer.entity).toMatchObject({
      caption: 'v-0001',
      withheld: ['name', 'email'],
      complaintRef: 'CMP-DE-0001',
    });
    viewer.entities.forEach(expectRedacted);
    expect(analyst.entity).toMatchObject({ caption: 'Ingrid Conti', name: 'Ingrid Conti', withheld: [] });
    expect(analyst.entity.properties.email).toBe('ingrid.conti.1@mail.example');
  });

  it('search: a victim found by a non-personal field comes redacted', async () => {
    const q = `query($text: String!) { search(text: $text) { totalCount edges { node { ${FIELDS} } } } }`;
    const { viewer, analyst } = await asBoth(q, { text: 'CMP-DE-0001' });
    const node = viewer.search.edges.find((e: { node: { id: string } }) => e.node.id === VICTIM)?.node;
    expectRedacted(node);
    expect(analyst.search.edges.some((e: { node: { name: string } }) => e.node.name === 'Ingrid Conti')).toBe(true);
  });

  it('search: matching only personal text returns and counts nothing for a viewer', async () => {
    const q = `query($text: String!, $kinds: [String!]) {
      search(text: $text, kinds: $kinds, first: 5) { totalCount pageInfo { hasNextPage } edges { node { id } } } }`;
    for (const text of ['Ingrid', 'ingrid.conti.1@mail.example', 'Conti', 'mail.example']) {
      const { viewer, analyst } = await asBoth(q, { text });
      const ids: string[] = viewer.search.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids.filter((id) => id.startsWith('victim:'))).toEqual([]);
      expect(analyst.search.edges.length).toBeGreaterThan(0);
      const victimsOnly = await demo.gqlAs('viewer', q, { text, kinds: ['Victim'] });
      expect(victimsOnly.body.data.search).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] });
    }
  });

  it("search: a personal word added to the query does not raise a kept victim's score", async () => {
    const q = `query($text: String!) { search(text: $text, kinds: ["Victim"]) { totalCount edges { node { id } score } } }`;
    const plain = await demo.gqlAs('viewer', q, { text: 'CMP-DE-0001' });
    const probing = await demo.gqlAs('viewer', q, { text: 'CMP-DE-0001 Ingrid Conti' });
    const score = (b: GraphQLBody) =>
      b.data.search.edges.find((e: { node: { id: string } }) => e.node.id === VICTIM)?.score as number;
    expect(score(plain.body)).toBeGreaterThan(0);
    expect(score(probing.body)).toBeCloseTo(score(plain.body), 6);
    // An analyst's search ranks by every word, names included.
    const analyst = await demo.gqlAs('analyst', q, { text: 'CMP-DE-0001 Ingrid Conti' });
    expect(score(analyst.body)).toBeGreaterThan(score(plain.body));
  });

  it('neighbourhood: the seed and every victim reached', async () => {
    const q = `query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2, limit: 200) { entities { ${FIELDS} } } }`;
    const { viewer, analyst } = await asBoth(q, { ids: [PHONE, VICTIM] });
    const victims = victimsIn(viewer.neighbourhood.entities);
    expect(victims.length).toBeGreaterThan(1);
    victims.forEach(expectRedacted);
    expect(victimsIn(analyst.neighbourhood.entities).every((v) => typeof v.name === 'string')).toBe(true);
  });

  it('paths and connecting network: entities on them, links ends, rollups ends', async () => {
    const ends = `from { ${FIELDS} } to { ${FIELDS} }`;
    const q = `query($from: ID!, $to: ID!, $ids: [ID!]!) {
      paths(from: $from, to: $to) { subgraph { entities { ${FIELDS} } links { id ${ends} } rollups { ${ends} } } }
      connectingNetwork(ids: $ids) { subgraph { entities { ${FIELDS} } links { ${ends} } } } }`;
    const { viewer, analyst } = await asBoth(q, { from: PHONE, to: VICTIM, ids: [PHONE, VICTIM] });
    for (const sub of [viewer.paths.subgraph, viewer.connectingNetwork.subgraph]) {
      expect(victimsIn(sub.entities)).toHaveLength(1);
      victimsIn(sub.entities).forEach(expectRedacted);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      victimsIn(sub.links.flatMap((l: any) => [l.from, l.to])).forEach(expectRedacted);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    victimsIn(viewer.paths.subgraph.rollups.flatMap((r: any) => [r.from, r.to])).forEach(expectRedacted);
    expect(victimsIn(analyst.paths.subgraph.entities)[0].name).toBe('Ingrid Conti');
  });

  it('links by id: the ends of a call to a victim', async () => {
    const n = await demo.gqlAs(
      'admin',
      `{ neighbourhood(ids: ["${VICTIM}"], linkTypes: ["CALLED"]) { links { id } } }`,
    );
    const ids = n.body.data.neighbourhood.links.map((l: { id: string }) => l.id);
    expect(ids.length).toBeGreaterThan(0);
    const { viewer } = await asBoth(`query($ids: [ID!]!) { links(ids: $ids) { to { ${FIELDS} } } }`, { ids });
    viewer.links.forEach((l: { to: unknown }) => expectRedacted(l.to));
  });

  it('provenance: the entity and its sources', async () => {
    const q = `query($id: ID!) { provenance(id: $id) { entity { ${FIELDS} } sources { sha256 locator fileName title basis } } }`;
    const { viewer, analyst } = await asBoth(q, { id: VICTIM });
    expectRedacted(viewer.provenance.entity);
    expect(viewer.provenance.sources).toEqual(analyst.provenance.sources);
  });

  it('searchText never leaves the server', async () => {
    const res = await demo.gqlAs('analyst', `{ entity(id: "${VICTIM}") { searchText } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/searchText/);
    expect(JSON.stringify(res.body)).not.toMatch(/Ingrid/);
  });

  it('saved queries and ad-hoc Cypher (raw values) are refused to a viewer', async () => {
    for (const q of [
      `{ runCypher(query: "MATCH (v:Victim) RETURN v.name") { rows } }`,
      `{ runSavedQuery(name: "x") { rows } }`,
    ]) {
      const res = await demo.gqlAs('viewer', q);
      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(res.body.data ?? null).toBeNull();
    }
  });

  it("a hand edit's record title (it quotes the value replaced) is withheld, and says so", async () => {
    const edit = await demo.gqlAs(
      'admin',
      `mutation { updateEntity(id: "victim:v-0300", properties: { complaintRef: "CMP-EDITED" }) { changed } }`,
    );
    expect(edit.body.data?.updateEntity.changed).toBe(true);
    const q = `{ provenance(id: "victim:v-0300") { sources { basis title } } }`;
    const viewer = await demo.gqlAs('viewer', q);
    const analyst = await demo.gqlAs('analyst', q);
    const manual = (b: GraphQLBody) => b.data.provenance.sources.find((s: { basis: string }) => s.basis === 'manual');
    expect(manual(analyst.body).title).toBe('updateEntity victim:v-0300: complaintRef "CMP-SG-0300" -> "CMP-EDITED"');
    expect(manual(viewer.body).title).toBeNull();
    const sha = (
      await demo.gqlAs('admin', `{ provenance(id: "victim:v-0300") { sources { sha256 basis } } }`)
    ).body.data.provenance.sources.find((s: { basis: string }) => s.basis === 'manual').sha256;
    const file = await demo.gqlAs('viewer', `{ entity(id: "source:${sha}") { withheld properties } }`);
    expect(file.body.data.entity.withheld).toEqual(['title']);
  });
});
