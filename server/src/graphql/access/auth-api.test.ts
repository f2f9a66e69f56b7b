/**
 * Signing in over HTTP (the auth plugin) and the root-field check on a schema of its own: every refusal
 * is 401 with a reason and `WWW-Authenticate: Bearer`, the same for a token that does not exist and one
 * with a wrong secret, and nothing about the graph in it.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenStore } from '../../auth/index.js';
import type { Caller } from '../../domain/access/caller.js';
import { demoApp, type DemoApp } from '../../testing/demo-app.js';
import { rootFieldRights } from './requires-directive.js';
import { useRootFieldRights } from './use-root-field-rights.js';

let api: DemoApp;
beforeAll(async () => {
  api = await demoApp();
}, 120_000);
afterAll(async () => api?.dispose());

const STATS = JSON.stringify({ query: '{ stats { entities { kind count } } }' });

async function send(authorization?: string) {
  const response = await api.app.fetch('http://ringtrace.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== undefined && { authorization }) },
    body: STATS,
  });
  return { status: response.status, challenge: response.headers.get('www-authenticate'), text: await response.text() };
}

const refusal = (reason: string, message: string | RegExp) => ({
  errors: [
    {
      message: typeof message === 'string' ? message : expect.stringMatching(message),
      extensions: { code: 'UNAUTHENTICATED', reason },
    },
  ],
});

describe('401 before anything runs', () => {
  it('no token, or another scheme: "missing", with the Bearer challenge', async () => {
    for (const header of [undefined, '', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const { status, challenge, text } = await send(header);
      expect(status).toBe(401);
      expect(challenge).toBe('Bearer realm="ringtrace"');
      expect(JSON.parse(text)).toEqual(refusal('missing', /^sign in/));
    }
  });
  it('a malformed token', async () => {
    const { status, challenge, text } = await send('Bearer not-a-token');
    expect(status).toBe(401);
    expect(challenge).toBe('Bearer realm="ringtrace", error="invalid_token"');
    expect(JSON.parse(text)).toEqual(refusal('malformed', /malformed/));
  });
  it('an unknown id and a wrong secret get the very same answer', async () => {
    const real = api.tokenFor('admin');
    const unknown = await send(`Bearer rt_0123456789abcdef_${real.slice(20)}`);
    const wrong = await send(`Bearer ${real.slice(0, 20)}${'x'.repeat(43)}`);
    expect(unknown).toEqual(wrong);
    expect(JSON.parse(unknown.text)).toEqual(refusal('invalid', 'the token is not valid'));
  });
  it('a revoked token, and an expired one, say so (the caller holds the secret)', async () => {
    const tokens = createTokenStore({ dataDir: api.dataDir });
    const revoked = await tokens.create({ name: 'to revoke', role: 'admin', createdBy: 'test' });
    expect((await send(`Bearer ${revoked.token}`)).status).toBe(200);
    await tokens.revoke(revoked.info.id, 'test');
    expect(JSON.parse((await send(`Bearer ${revoked.token}`)).text)).toEqual(
      refusal('revoked', 'the token was revoked'),
    );
    const soon = await tokens.create({
      name: 'short',
      role: 'admin',
      createdBy: 'test',
      expiresAt: new Date(Date.now() + 300).toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(JSON.parse((await send(`Bearer ${soon.token}`)).text)).toEqual(refusal('expired', /^the token expired at /));
  });
  it('a refusal carries nothing of the graph', async () => {
    const { text } = await send('Bearer rt_0123456789abcdef_' + 'y'.repeat(43));
    expect(text).not.toMatch(/CallCentre|Victim|moscow|data/);
  });
  it('the probes stay open', async () => {
    expect((await api.app.fetch('http://ringtrace.test/health')).status).toBe(200);
    expect((await api.app.fetch('http://ringtrace.test/ready')).status).toBe(200);
  });
});

describe('a root field without @requires', () => {
  const schema = makeExecutableSchema({
    typeDefs: `
      directive @requires(right: String!) on FIELD_DEFINITION
      type Query { open: Int @requires(right: "graph:read") bare: Int }`,
    resolvers: { Query: { open: () => 1, bare: () => 2 } },
  });
  const admin: Caller = { id: 'token:x', name: 'x', role: 'admin', via: 'token' };
  const yoga = createYoga({
    schema,
    context: () => ({ caller: admin }),
    plugins: [useRootFieldRights()],
    logging: false,
  });
  const ask = async (query: string) => {
    const response = await yoga.fetch('http://t/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: await response.json() };
  };
  it('is refused for everyone, admin included; the declared one runs', async () => {
    expect(await ask('{ open }')).toEqual({ status: 200, body: { data: { open: 1 } } });
    const { status, body } = await ask('{ open bare }');
    expect(status).toBe(403);
    expect(body).toEqual({
      errors: [
        {
          message: 'Query.bare declares no right (@requires): refused for everyone',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });
  it('a right that rights.ts does not define is an error at once', () => {
    const bad = makeExecutableSchema({
      typeDefs:
        'directive @requires(right: String!) on FIELD_DEFINITION\ntype Query { x: Int @requires(right: "graph:all") }',
    });
    expect(() => rootFieldRights(bad)).toThrow('Query.x: @requires names no right of rights.ts: graph:all');
  });
});
