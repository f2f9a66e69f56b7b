/**
 * The role-by-operation matrix (issue 7): every Query and Mutation field of the schema (enumerated from
 * it: a new field is covered without editing this file) and every import endpoint, tried with no token
 * and with each role's real token. Allowed exactly when the role holds the field's @requires right
 * (rights.ts): allowed means no FORBIDDEN or UNAUTHENTICATED (a domain error such as NOT_FOUND may
 * follow); refused means 401 without a token and 403 naming the right and the least role otherwise,
 * with no data at all. The CLI's matrix is in cli/access.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRight, leastRoleWith, ROLE_RIGHTS, ROLES, type Right, type Role } from '../../domain/access/rights.js';
import { SAMPLES } from '../../ingest/import/test-support/temp-store.js';
import { IMPORT_HEADER } from '../../http/import-protocol.js';
import { demoApp, type DemoApp } from '../../testing/demo-app.js';
import { createSchema } from '../schema.js';
import { matrixOperations } from './operations.js';
import { rootFieldRights } from './requires-directive.js';

let api: DemoApp;
beforeAll(async () => {
  api = await demoApp();
}, 120_000);
afterAll(async () => api?.dispose());

const schema = createSchema();
const operations = matrixOperations(schema);
const callers: Array<Role | null> = [null, ...ROLES];
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

describe('the schema declares a right for every root field', () => {
  it('every Query and Mutation field carries @requires with a right of rights.ts', () => {
    const missing = [...rootFieldRights(schema).entries()].filter(([, r]) => r.right === undefined).map(([k]) => k);
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(15);
  });
});

describe.each(operations.map((op) => [`${op.operation}.${op.field}`, op] as const))('%s', (_, op) => {
  const right = op.right as Right;
  it.each(callers)('as %s', async (role) => {
    const { status, body } = await api.gqlAs(role, op.document, op.variables);
    const codes = (body.errors ?? []).map((e) => e.extensions?.['code']);
    if (role === null) {
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(codes).toEqual(['UNAUTHENTICATED']);
      return;
    }
    if (hasRight(role, right)) {
      expect(
        codes.filter((c) => REFUSALS.has(String(c))),
        JSON.stringify(body.errors),
      ).toEqual([]);
      expect(status).toBeLessThan(400);
      return;
    }
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining(`needs the right ${right} (role ${leastRoleWith(right)} or above)`),
        extensions: { code: 'FORBIDDEN', right, role: leastRoleWith(right) },
      },
    ]);
  });
});

describe('an operation is refused whole when any of its root fields is', () => {
  it('a viewer asking for stats and runCypher together gets only the 403', async () => {
    const { status, body } = await api.gqlAs(
      'viewer',
      '{ stats { engine } runCypher(query: "RETURN 1 AS x") { rows } }',
    );
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors!.map((e) => e.extensions?.['right'])).toEqual(['query:run']);
  });
  it('through fragments and aliases at the root too', async () => {
    const document =
      'query { ...F } fragment F on Query { ... on Query { q: runCypher(query: "RETURN 1 AS x") { rows } } }';
    const { status } = await api.gqlAs('viewer', document);
    expect(status).toBe(403);
  });
  it('introspection is open to any signed-in caller, not to an anonymous one', async () => {
    const query = '{ __typename __schema { queryType { name } } __type(name: "Me") { name } }';
    expect((await api.gqlAs('viewer', query)).body.data).toEqual({
      __typename: 'Query',
      __schema: { queryType: { name: 'Query' } },
      __type: { name: 'Me' },
    });
    expect((await api.gqlAs(null, query)).status).toBe(401);
  });
});

describe('me', () => {
  it.each(ROLES)('says who %s is, with the rights of the role', async (role) => {
    const { body } = await api.gqlAs(role, '{ me { id name role rights via } }');
    expect(body.data.me).toEqual({
      id: api.callerIdOf(role),
      name: `test ${role}`,
      role,
      rights: [...ROLE_RIGHTS[role]],
      via: 'token',
    });
  });
});

describe('the import endpoints', () => {
  const bearer = (role: Role | null): Record<string, string> =>
    role === null ? {} : { authorization: `Bearer ${api.tokenFor(role)}` };
  const endpoints: Array<{ name: string; right: Right; send: (role: Role | null) => Promise<Response> | Response }> = [
    {
      name: 'POST /import (dry run)',
      right: 'import:run',
      send: async (role) =>
        api.app.fetch('http://ringtrace.test/import?mapping=cdr&name=cdr.csv&dryRun=1', {
          method: 'POST',
          headers: { [IMPORT_HEADER]: '1', ...bearer(role) },
          body: await readFile(`${SAMPLES}cdr.csv`),
        }),
    },
    {
      name: 'GET /import/runs',
      right: 'import:run',
      send: (role) => api.app.fetch('http://ringtrace.test/import/runs', { headers: bearer(role) }),
    },
    {
      name: 'POST /import/undo',
      right: 'import:undo',
      send: (role) =>
        api.app.fetch('http://ringtrace.test/import/undo?run=run-20250101-000000-abcd', {
          method: 'POST',
          headers: { [IMPORT_HEADER]: '1', ...bearer(role) },
        }),
    },
  ];
  describe.each(endpoints)('$name', ({ right, send }) => {
    it.each(callers)('as %s', async (role) => {
      const response = await send(role);
      const text = await response.text();
      if (role === null) {
        expect(response.status).toBe(401);
        expect(JSON.parse(text)).toMatchObject({
          errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'missing' } }],
        });
      } else if (hasRight(role, right)) {
        expect(response.status, text).not.toBe(401);
        expect(response.status, text).not.toBe(403);
        expect(response.status).toBeLessThan(500);
      } else {
        expect(response.status).toBe(403);
        expect(JSON.parse(text)).toEqual({
          error: { code: 'FORBIDDEN', message: expect.stringContaining(right), right, role: leastRoleWith(right) },
        });
      }
    });
  });
});
