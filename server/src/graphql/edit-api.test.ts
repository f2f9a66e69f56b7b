/**
 * Hand-made edits through app.fetch on a fresh embedded store with the demo case (its own temp database, so
 * nothing leaks into other tests): create, update and link, their provenance, idempotence and every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/provenance.js';
import { canonicalJson } from '../domain/services/edit-record.js';
import { demoApp, type DemoApp, type GraphQLBody } from '../testing/demo-app.js';

let api: DemoApp;
beforeAll(async () => {
  api = await demoApp();
}, 120_000);
afterAll(async () => api?.dispose());

const SOURCE = 'sha256 locator fileName title basis loadedBy loadedAt';
const ENTITY_EDIT = `changed flags { field value reason } source { ${SOURCE} }
  entity { id kind caption properties sources { ${SOURCE} } }`;
const LINK_EDIT = `changed flags { field value reason } source { ${SOURCE} }
  link { id type from { id } to { id } properties sources { ${SOURCE} } }`;

const CREATE = `mutation ($kind: String!, $key: String, $properties: JSON!) {
  createEntity(kind: $kind, key: $key, properties: $properties) { ${ENTITY_EDIT} } }`;
const UPDATE = `mutation ($id: ID!, $properties: JSON!) { updateEntity(id: $id, properties: $properties) { ${ENTITY_EDIT} } }`;
const LINK = `mutation ($type: String!, $from: ID!, $to: ID!, $properties: JSON) {
  linkEntities(type: $type, from: $from, to: $to, properties: $properties) { ${LINK_EDIT} } }`;
const PROVENANCE = `query ($id: ID!) { provenance(id: $id) { sources { ${SOURCE} } } }`;

const WALLET = 'wallet:eth:0xc1b31b9b80a48bbd2f3940348a67622498eed1c9';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The error of a refused edit: its code and message (and no data). */
function refusal(body: GraphQLBody) {
  expect(body.errors, JSON.stringify(body.data)).toHaveLength(1);
  const [error] = body.errors!;
  return { code: error!.extensions?.['code'], message: error!.message };
}

/** A source as the API shows one entered by hand. */
const enteredBy = (caller: string) => ({
  locator: 'edit:1',
  fileName: `edit by ${caller}`,
  basis: 'manual',
  loadedBy: caller,
  loadedAt: expect.stringMatching(ISO),
});

describe('createEntity', () => {
  it('creates an entity checked and normalised by the model, recorded as entered by the caller', async () => {
    const properties = { name: 'Lena Vogel', country: 'Germany', reportedLoss: '1 500.50', lossCurrency: 'EUR' };
    const { body } = await api.gql(CREATE, { kind: 'Victim', key: 'V-9001', properties });
    expect(body.errors).toBeUndefined();
    const edit = body.data.createEntity;
    expect(edit).toMatchObject({ changed: true, flags: [], source: enteredBy(api.callerIdOf('admin')) });
    expect(edit.entity).toMatchObject({
      id: 'victim:v-9001',
      kind: 'Victim',
      caption: 'Lena Vogel',
      properties: { name: 'Lena Vogel', country: 'DE', reportedLoss: '1500.5', lossCurrency: 'EUR' },
    });
    expect(edit.entity.sources).toEqual([edit.source]);
    expect(edit.source.title).toBe('createEntity victim:v-9001');
    // The record's hash is that of the canonical edit record: op, caller, time and input.
    const at = edit.source.loadedAt;
    const record = {
      op: 'createEntity',
      caller: api.callerIdOf('admin'),
      at,
      input: { kind: 'Victim', key: 'V-9001', properties },
    };
    expect(edit.source.sha256).toBe(sha256Hex(canonicalJson(record)));

    const { body: prov } = await api.gql(PROVENANCE, { id: 'victim:v-9001' });
    expect(prov.data.provenance.sources).toEqual([edit.source]);
    const { body: found } = await api.gql('{ search(text: "vogel") { edges { node { id } } } }');
    expect(found.data.search.edges.map((e: { node: { id: string } }) => e.node.id)).toContain('victim:v-9001');
  });

  it('keys natural-key kinds by their normalised value, and flags what does not normalise', async () => {
    const phone = await api.gql(CREATE, { kind: 'PhoneNumber', properties: { number: '+7 (495) 000-11-22' } });
    expect(phone.body.data.createEntity.entity).toMatchObject({
      id: 'phone:+74950001122',
      properties: { number: '+74950001122', valid: true },
    });
    const odd = await api.gql(CREATE, { kind: 'PhoneNumber', properties: { number: 'ask for Boris' } });
    expect(odd.body.data.createEntity.entity.id).toBe('phone:invalid:ask for Boris');
    expect(odd.body.data.createEntity.flags).toEqual([
      { field: 'number', value: 'ask for Boris', reason: expect.stringMatching(/not a phone number/) },
    ]);
  });

  it('is CONFLICT when the id exists, naming it', async () => {
    const { body } = await api.gql(CREATE, { kind: 'CrimeGroup', key: 'Khimprom', properties: { name: 'Again' } });
    expect(refusal(body)).toEqual({
      code: 'CONFLICT',
      message: 'entity already exists: crimegroup:khimprom (change it with updateEntity)',
    });
  });

  it.each([
    ['an unknown kind', { kind: 'Spaceship', key: 'x', properties: {} }, /^kind: unknown kind "Spaceship"/],
    [
      'a system kind',
      { kind: 'SourceFile', properties: { sha256: 'a'.repeat(64) } },
      /^kind: SourceFile is a system kind/,
    ],
    ['a missing key', { kind: 'Victim', properties: { name: 'No Key' } }, /^key: Victim needs a key/],
    ['an unknown property', { kind: 'Victim', key: 'v-x', properties: { shoeSize: 42 } }, /no property "shoeSize"/],
    ['a malformed amount', { kind: 'Victim', key: 'v-x', properties: { reportedLoss: '12,5' } }, /^reportedLoss: /],
    ['a malformed date', { kind: 'Person', key: 'p-x', properties: { birthDate: '1990-13-01' } }, /^birthDate: /],
    [
      'an enumeration value',
      { kind: 'CallCentre', key: 'c-x', properties: { status: 'burnt' } },
      /^status: .*not one of/,
    ],
    [
      'properties that are not an object',
      { kind: 'Victim', key: 'v-x', properties: [1, 2] },
      /^properties: must be an object/,
    ],
  ])('is INVALID_ARGUMENT naming the field for %s', async (_, variables, message) => {
    const { body } = await api.gql(CREATE, variables);
    const { code, message: text } = refusal(body);
    expect(code).toBe('INVALID_ARGUMENT');
    expect(text).toMatch(message);
  });
});

describe('updateEntity', () => {
  const id = 'callcentre:moscow-orion';

  it('sets the given properties, keeps the others and every source, and records the values replaced', async () => {
    const before = (await api.gql(PROVENANCE, { id })).body.data.provenance.sources;
    const { body } = await api.gql(UPDATE, { id, properties: { status: 'CLOSED', name: 'Orion (closed)' } });
    expect(body.errors).toBeUndefined();
    const edit = body.data.updateEntity;
    expect(edit.changed).toBe(true);
    expect(edit.entity).toMatchObject({
      caption: 'Orion (closed)',
      properties: { name: 'Orion (closed)', status: 'closed', city: 'Moscow', workstationCount: 140 },
    });
    expect(edit.entity.sources).toEqual([...before, edit.source]);
    expect(edit.source).toMatchObject(enteredBy(api.callerIdOf('admin')));
    expect(edit.source.title).toBe(
      `updateEntity ${id}: status "raided" -> "closed", name "Orion call centre (synthetic)" -> "Orion (closed)"`,
    );
    const { body: found } = await api.gql('{ search(text: "Orion closed") { edges { node { id } } } }');
    expect(found.data.search.edges[0].node.id).toBe(id);
  });

  it('changes nothing and records nothing when the values are already stored', async () => {
    const { body } = await api.gql(UPDATE, { id, properties: { status: 'closed', city: 'Moscow' } });
    expect(body.data.updateEntity).toMatchObject({ changed: false, source: null });
    const { body: prov } = await api.gql(PROVENANCE, { id });
    expect(prov.data.provenance.sources.filter((s: { basis: string }) => s.basis === 'manual')).toHaveLength(1);
  });

  it('accepts the key property only with the value that keys the id', async () => {
    const same = await api.gql(UPDATE, {
      id: 'phone:+74950001122',
      properties: { number: '+7 495 000 11 22', spoofed: 'yes' },
    });
    expect(same.body.data.updateEntity.entity.properties).toMatchObject({ number: '+74950001122', spoofed: true });
    const other = await api.gql(UPDATE, { id: 'phone:+74950001122', properties: { number: '+7 495 000 99 99' } });
    expect(refusal(other.body)).toEqual({
      code: 'INVALID_ARGUMENT',
      message:
        'number: PhoneNumber.number is the key of phone:+74950001122: the value given makes phone:+74950009999 ' +
        '(create that entity instead)',
    });
  });

  it('is NOT_FOUND naming an unknown id, INVALID_ARGUMENT for a malformed one or a bad value', async () => {
    expect(refusal((await api.gql(UPDATE, { id: 'victim:nobody', properties: { name: 'X' } })).body)).toEqual({
      code: 'NOT_FOUND',
      message: 'entity not found: victim:nobody',
    });
    expect(refusal((await api.gql(UPDATE, { id: 'nonsense', properties: {} })).body).code).toBe('INVALID_ARGUMENT');
    const bad = refusal((await api.gql(UPDATE, { id, properties: { raidedAt: '2025-02-30T10:00' } })).body);
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.message).toMatch(/^raidedAt: CallCentre.raidedAt expects datetime/);
  });
});

describe('linkEntities', () => {
  const paid = { amount: '250.00', asset: 'USDT', at: '2025-03-01 12:00:00Z', txHash: '0xfeed' };

  it('links two entities with the model’s id and normalised values, recorded as entered by the caller', async () => {
    const { body } = await api.gql(LINK, { type: 'PAID', from: 'victim:v-9001', to: WALLET, properties: paid });
    expect(body.errors).toBeUndefined();
    const edit = body.data.linkEntities;
    expect(edit.changed).toBe(true);
    expect(edit.link).toMatchObject({
      id: expect.stringMatching(/^link:PAID:[0-9a-f]{16}$/),
      type: 'PAID',
      from: { id: 'victim:v-9001' },
      to: { id: WALLET },
      properties: { amount: '250', asset: 'USDT', at: '2025-03-01T12:00:00.000Z', txHash: '0xfeed' },
    });
    expect(edit.link.sources).toEqual([edit.source]);
    expect(edit.source).toMatchObject({
      ...enteredBy(api.callerIdOf('admin')),
      title: `linkEntities ${edit.link.id}: PAID victim:v-9001 -> ${WALLET}`,
    });
    const { body: prov } = await api.gql(PROVENANCE, { id: edit.link.id });
    expect(prov.data.provenance.sources).toEqual([edit.source]);
  });

  it('is idempotent: the same link again changes nothing', async () => {
    const { body } = await api.gql(LINK, { type: 'PAID', from: 'victim:v-9001', to: WALLET, properties: paid });
    expect(body.data.linkEntities).toMatchObject({ changed: false, source: null });
    expect(body.data.linkEntities.link.sources).toHaveLength(1);
  });

  it('adds a value an existing link lacks, and refuses to change one it holds', async () => {
    const worker = 'person:orion-staff-001';
    const first = await api.gql(LINK, { type: 'WORKS_AT', from: worker, to: 'callcentre:moscow-vega' });
    expect(first.body.data.linkEntities.link.properties).toEqual({});
    const added = await api.gql(LINK, {
      type: 'WORKS_AT',
      from: worker,
      to: 'callcentre:moscow-vega',
      properties: { position: 'closer' },
    });
    expect(added.body.data.linkEntities).toMatchObject({ changed: true, link: { properties: { position: 'closer' } } });
    expect(added.body.data.linkEntities.link.sources).toHaveLength(2);
    const changed = await api.gql(LINK, {
      type: 'WORKS_AT',
      from: worker,
      to: 'callcentre:moscow-orion',
      properties: { position: 'caller' },
    });
    const { code, message } = refusal(changed.body);
    expect(code).toBe('CONFLICT');
    expect(message).toMatch(/already exists with position "manager", not "caller"/);
  });

  it.each([
    [
      'an unknown type',
      { type: 'LOVES', from: 'victim:v-0001', to: WALLET },
      'INVALID_ARGUMENT',
      /^type: unknown relationship type "LOVES"/,
    ],
    [
      'a start kind the type never starts at',
      { type: 'PAID', from: WALLET, to: WALLET, properties: paid },
      'INVALID_ARGUMENT',
      /^from: PAID cannot start at Wallet \(allowed: Victim->Wallet\)/,
    ],
    [
      'an end kind the type never ends at',
      { type: 'PAID', from: 'victim:v-0001', to: 'country:DE', properties: paid },
      'INVALID_ARGUMENT',
      /^to: PAID cannot end at Country/,
    ],
    [
      'an event without its key',
      { type: 'CALLED', from: 'phone:+74950001122', to: 'victim:v-0001' },
      'INVALID_ARGUMENT',
      /^at: CALLED is an event and needs "at"/,
    ],
    [
      'a malformed amount',
      { type: 'PAID', from: 'victim:v-0001', to: WALLET, properties: { ...paid, amount: '1,5' } },
      'INVALID_ARGUMENT',
      /^amount: PAID.amount expects decimal/,
    ],
    [
      'a malformed time',
      { type: 'PAID', from: 'victim:v-0001', to: WALLET, properties: { ...paid, at: 'yesterday' } },
      'INVALID_ARGUMENT',
      /^at: PAID.at expects datetime/,
    ],
    [
      'a missing end',
      { type: 'LIVES_IN', from: 'victim:nobody', to: 'country:DE' },
      'NOT_FOUND',
      /^entity not found: victim:nobody$/,
    ],
  ])('refuses %s', async (_, variables, code, message) => {
    const refused = refusal((await api.gql(LINK, variables)).body);
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
  });
});
