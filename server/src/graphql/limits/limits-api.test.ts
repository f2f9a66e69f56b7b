/**
 * The API's limits through app.fetch on the embedded engine with the demo case: each document limit,
 * the hostile documents of issue 3 refused before any store call, the body cap, the operation timeout,
 * CSRF prevention, and the real documents (web app, introspection, the largest analyst queries) passing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getIntrospectionQuery, type GraphQLInterfaceType } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app.js';
import type { GraphStore } from '../../store/port.js';
import { demoApp, type DemoApp } from '../../testing/demo-app.js';
import { createSchema } from '../schema.js';
import { DOCUMENT_LIMITS, type ApiLimits } from './values.js';

const ENDPOINT = 'http://ringtrace.test/graphql';
const silent = pino({ level: 'silent' });

let api: DemoApp;
let storeCalls: string[] = [];

/** Every call the API makes to the store, by method name. */
function counting(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        storeCalls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  api = await demoApp(counting);
}, 120_000);
afterAll(async () => api?.dispose());
beforeEach(() => {
  storeCalls = [];
});

interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function post(
  query: string,
  { app = api.app, accept, variables }: { app?: App; accept?: string; variables?: Record<string, unknown> } = {},
): Promise<Answer> {
  const response = await app.fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${api.tokenFor('admin')}`,
      ...(accept && { accept }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

const refusal = (limit: keyof ApiLimits, max: number) => ({
  message: expect.stringContaining(`the limit (${limit}) is ${max}`),
  extensions: { code: 'LIMIT_EXCEEDED', limit, max },
});

/** `{ a { a { ... b } } }`: `depth` fields deep (names need not exist: the limit is checked first). */
const nested = (depth: number, name = 'a') => `{ ${`${name} { `.repeat(depth - 1)}b${' }'.repeat(depth - 1)} }`;
const aliased = (count: number, field = 'stats { engine }') =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Every kind's typed fields, and the sources: the widest entity selection the schema allows. */
const EVERY_ENTITY_FIELD = (() => {
  const schema = createSchema();
  const kinds = schema.getPossibleTypes(schema.getType('Entity') as GraphQLInterfaceType);
  const fragments = kinds.map((kind) => {
    // By name, not graphql's type predicates: under vitest the schema's graphql may be another copy.
    const leaves = Object.values(kind.getFields()).filter((f) => {
      const named = schema.getType(String(f.type).replace(/[[\]!]/g, ''));
      return named !== undefined && !('getFields' in named);
    });
    return `... on ${kind.name} { ${leaves.map((f) => f.name).join(' ')} }`;
  });
  const sources = 'sources { sha256 locator fileName title url basis loadedAt loadedBy importRun }';
  return `id kind caption properties ${sources} ${fragments.join(' ')}`;
})();

describe('a hostile document is refused before any resolver runs', () => {
  const hostile: Array<{ name: string; query: string; limit: keyof typeof DOCUMENT_LIMITS }> = [
    { name: 'depth 50', query: nested(50), limit: 'maxDepth' },
    {
      name: 'depth 50 through introspection',
      query: `{ __schema { types { ${'ofType { '.repeat(48)}name${' }'.repeat(48)} } } }`,
      limit: 'maxDepth',
    },
    // 1000 aliases take more than 2000 tokens: the parser stops first.
    { name: '1000 aliases', query: aliased(1000), limit: 'maxTokens' },
    { name: '100k tokens', query: `{ stats { ${'engine '.repeat(100_000)}} }`, limit: 'maxTokens' },
  ];

  it.each(hostile)('$name: LIMIT_EXCEEDED naming $limit, no data, no store call', async ({ query, limit }) => {
    const { status, body } = await post(query);
    expect(body.errors).toEqual([refusal(limit, DOCUMENT_LIMITS[limit])]);
    // No `data` entry: execution never started (GraphQL spec), so no resolver ran.
    expect(body).not.toHaveProperty('data');
    expect(storeCalls).toEqual([]);
    // Legacy application/json answers 200 for a refused document, as for a validation error.
    expect(status).toBe(200);
  });

  it('answers 400 to a client that accepts application/graphql-response+json', async () => {
    const { status, body } = await post(nested(50), { accept: 'application/graphql-response+json' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses 100k tokens in well under a second (the parser stops at the limit)', async () => {
    const started = performance.now();
    await post(`{ stats { ${'engine '.repeat(100_000)}} }`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('each document limit, at and just over its value', () => {
  const { maxDepth, maxAliases, maxDirectives, maxTokens } = DOCUMENT_LIMITS;

  it(`maxDepth ${maxDepth}: introspection ${maxDepth} deep passes, one more is refused`, async () => {
    // __schema, types, n - 3 ofType, name: n fields deep.
    const chain = (n: number) => `{ __schema { types { ${'ofType { '.repeat(n - 3)}name${' }'.repeat(n - 3)} } } }`;
    expect((await post(chain(maxDepth))).body.errors).toBeUndefined();
    expect((await post(chain(maxDepth + 1))).body.errors).toEqual([
      { ...refusal('maxDepth', maxDepth), message: `the document nests fields 16 deep; the limit (maxDepth) is 15` },
    ]);
  });

  it(`maxAliases ${maxAliases}: ${maxAliases} aliased stats pass, one more is refused`, async () => {
    const ok = await post(aliased(maxAliases));
    expect(ok.body.errors).toBeUndefined();
    expect(Object.keys(ok.body.data)).toHaveLength(maxAliases);
    storeCalls = [];
    const { body } = await post(aliased(maxAliases + 1));
    expect(body.errors).toEqual([
      { ...refusal('maxAliases', maxAliases), message: 'the document has 16 aliases; the limit (maxAliases) is 15' },
    ]);
    expect(storeCalls).toEqual([]);
  });

  it(`maxDirectives ${maxDirectives}: one more directive than allowed is refused`, async () => {
    const directives = (n: number) => `{ stats { engine ${'@include(if: true) '.repeat(n)}} }`;
    // Repeating a directive is itself invalid; the limit is checked first and names itself.
    expect((await post(directives(maxDirectives + 1))).body.errors).toEqual([refusal('maxDirectives', maxDirectives)]);
  });

  it(`maxTokens ${maxTokens}: a document of exactly ${maxTokens} tokens reaches the resolver, one more is refused`, async () => {
    // 12 tokens besides the ids (commas are not tokens); the resolver then refuses more than 500 ids.
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `"victim:v-${i}"`).join(' ');
    const tokens = (n: number) => `{ entities(ids: [${ids(n - 12)}]) { id } }`;
    const atLimit = await post(tokens(maxTokens));
    expect(atLimit.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('ids: 1988 ids given'),
        extensions: { code: 'INVALID_ARGUMENT', argument: 'ids' },
      }),
    ]);
    expect((await post(tokens(maxTokens + 1))).body.errors).toEqual([
      {
        ...refusal('maxTokens', maxTokens),
        message: 'the document has more than 2000 tokens; the limit (maxTokens) is 2000',
      },
    ]);
  });

  it('maxCost: a wide search page repeated under aliases is refused', async () => {
    // One page of 100 with every field costs about 50,000 (passes below); three exceed 100,000.
    const page = `search(text: "moscow", first: 100) { edges { node { ${EVERY_ENTITY_FIELD} } } }`;
    const { body } = await post(`{ a: ${page} b: ${page} c: ${page} }`);
    expect(body.errors).toEqual([refusal('maxCost', DOCUMENT_LIMITS.maxCost)]);
    expect(body.errors[0].message).toMatch(
      /^the document has an estimated cost of \d+; the limit \(maxCost\) is 100000$/,
    );
    expect(storeCalls).toEqual([]);
  });

  it('each limit can be set per app', async () => {
    const app = createApp({
      store: api.store,
      logger: silent,
      authenticator: api.authenticator,
      limits: { maxDepth: 3, maxAliases: 1 },
    });
    expect((await post('{ model { kinds { name } } }', { app })).body.errors).toBeUndefined();
    expect((await post('{ model { kinds { display { colour } } } }', { app })).body.errors).toEqual([
      refusal('maxDepth', 3),
    ]);
    expect((await post(aliased(2), { app })).body.errors).toEqual([refusal('maxAliases', 1)]);
  });
});

/** The operations in web/src/api (its tagged `const NAME = ...` templates), fragments interpolated. */
function webDocuments(): Map<string, string> {
  const dir = new URL('../../../../web/src/api/', import.meta.url);
  const templates = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const [, name, text] of source.matchAll(/const (\w+) = \/\* GraphQL \*\/ `([\s\S]*?)`;/g)) {
      templates.set(name!, text!);
    }
  }
  const resolve = (text: string): string =>
    text.replace(/\$\{(\w+)\}/g, (_, name: string) => resolve(templates.get(name) ?? `unknown ${name}`));
  const operations = [...templates].filter(([, text]) => /^\s*(query|mutation)\b/.test(text));
  return new Map(operations.map(([name, text]) => [name, resolve(text)]));
}

/** Codes that mean the document itself was refused. */
const REFUSALS = ['LIMIT_EXCEEDED', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'];

describe('real documents pass', () => {
  it('every document the web app sends (web/src/api), as web/src/api/graphql.ts sends it', async () => {
    const documents = webDocuments();
    expect([...documents.keys()]).toEqual(expect.arrayContaining(['OVERVIEW', 'NEIGHBOURHOOD', 'PATHS', 'SEARCH']));
    for (const [name, document] of documents) {
      // No variables: a document that passes the limits and validation then fails on its missing
      // variables (INVALID_ARGUMENT) or runs; what must not appear is a refusal of the document.
      const { body } = await post(document, { accept: 'application/graphql-response+json' });
      const codes = (body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code);
      expect({ name, codes }).toEqual({ name, codes: codes.filter((c: string) => !REFUSALS.includes(c)) });
    }
  });

  it('the standard introspection query (GraphiQL, codegen against a URL)', async () => {
    const { body } = await post(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it('neighbourhood at the widest: depth 3, limit 500, every field of every kind, rollups', async () => {
    expect(EVERY_ENTITY_FIELD).toContain('... on Wallet {');
    const { body } = await post(`{
      neighbourhood(ids: ["crimegroup:khimprom"], depth: 3, limit: 500) {
        entities { ${EVERY_ENTITY_FIELD} }
        links { id type properties from { id caption } to { id caption } sources { sha256 locator fileName } }
        truncated { bound value omitted }
        rollups { type from { id sources { fileName } } to { id } count totals { asset amount } firstAt lastAt linkIds }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.neighbourhood.entities.length).toBeGreaterThan(50);
  });

  it('a search page of 100 with every field of every kind', async () => {
    const { body } = await post(
      `{ search(text: "moscow", first: 100) { totalCount edges { cursor score node { ${EVERY_ENTITY_FIELD} } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.search.edges.length).toBeGreaterThan(0);
  });

  it('a few aliased lookups, as a script comparing entities would send', async () => {
    const { body } = await post(
      '{ a: entity(id: "crimegroup:khimprom") { caption } b: entity(id: "agency:mvd") { caption } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.a.caption).toBeTruthy();
  });
});

describe('every expansion bound is reported in the result', () => {
  it("neighbourhood reports the store's link bound beside the entity limit", async () => {
    // The API does not expose the link bound (the store's default is 10,000); lower it under the API.
    const store = new Proxy(api.store, {
      get: (target, prop, receiver) =>
        prop === 'expand'
          ? (options: Parameters<GraphStore['expand']>[0]) => target.expand({ ...options, linkLimit: 2 })
          : Reflect.get(target, prop, receiver),
    });
    const app = createApp({ store, logger: silent, authenticator: api.authenticator });
    const { body } = await post(
      '{ neighbourhood(ids: ["crimegroup:khimprom"], depth: 2, limit: 3) { links { id } truncated { bound value omitted } } }',
      { app },
    );
    const { links, truncated } = body.data.neighbourhood;
    expect(links).toHaveLength(2);
    expect(truncated).toEqual([
      { bound: 'limit', value: 3, omitted: expect.any(Number) },
      { bound: 'linkLimit', value: 2, omitted: expect.any(Number) },
    ]);
    expect(truncated.every((t: { omitted: number }) => t.omitted > 0)).toBe(true);
  });
});
