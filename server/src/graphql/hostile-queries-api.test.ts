/**
 * Hostile queries through the API (runCypher and runSavedQuery on the embedded engine, demo case):
 * writes, file access, procedure calls, runaways and injection through parameters. Each is refused or
 * stopped within its timeout; afterwards no file was written, nothing in the graph changed, and the
 * server still answers (while a runaway is still running in the engine, too).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../testing/demo-app.js';

let api: DemoApp;
let before: { kinds: Record<string, number>; links: Record<string, number> };
const trap = mkdtempSync(join(tmpdir(), 'ringtrace-trap-'));
const file = (name: string) => join(trap, name);
const bodies: string[] = [];

beforeAll(async () => {
  api = await demoApp();
  before = { kinds: await api.store.countByKind(), links: await api.store.countByLinkType() };
}, 120_000);
afterAll(async () => {
  await api?.dispose();
  rmSync(trap, { recursive: true, force: true });
});

const RUN_CYPHER = `query ($query: String!, $params: JSON, $timeoutMs: Int) {
  runCypher(query: $query, params: $params, timeoutMs: $timeoutMs) { columns rows } }`;
const RUN_SAVED = `query ($name: String!, $params: JSON) { runSavedQuery(name: $name, params: $params) { columns rows } }`;

async function timed(query: string, variables: Record<string, unknown>) {
  const t0 = performance.now();
  const { body } = await api.gql(query, variables);
  bodies.push(JSON.stringify(body));
  return {
    body,
    ms: performance.now() - t0,
    code: body.errors?.[0]?.extensions?.['code'],
    message: body.errors?.[0]?.message,
  };
}

type Case = readonly [what: string, query: string, code: string, clause: RegExp];

const writes: Case[] = [
  ['CREATE', "CREATE (n:Victim {id: 'victim:x'}) RETURN n", 'FORBIDDEN', /^CREATE refused/],
  ['SET', "MATCH (v:Victim) SET v.name = 'x'", 'FORBIDDEN', /^SET refused/],
  ['lower-case set', "match (v:Victim) set v.name = 'x' return v", 'FORBIDDEN', /^SET refused/],
  ['DETACH DELETE', 'MATCH (v:Victim) DETACH DELETE v', 'FORBIDDEN', /^DETACH refused/],
  ['DELETE a link', 'MATCH ()-[p:PAID]->() DELETE p', 'FORBIDDEN', /^DELETE refused/],
  ['MERGE', "MERGE (c:Country {id: 'country:XX'}) RETURN c", 'FORBIDDEN', /^MERGE refused/],
  ['REMOVE', 'MATCH (v:Victim) REMOVE v.name RETURN v', 'FORBIDDEN', /^REMOVE refused/],
  [
    'CREATE after MATCH',
    "MATCH (v:Victim) WITH v LIMIT 1 CREATE (v)-[:LIVES_IN]->(:Country {id: 'country:ZZ'})",
    'FORBIDDEN',
    /^CREATE refused/,
  ],
  ['FOREACH', "MATCH (v:Victim) FOREACH (x IN [1] | SET v.name = 'x')", 'FORBIDDEN', /^FOREACH refused/],
  ['a second statement', "RETURN 1 AS x; CREATE (:Victim {id: 'victim:z'})", 'INVALID_ARGUMENT', /^; refused/],
  ['a keyword split by a comment', "CRE/**/ATE (:Victim {id: 'victim:c'})", 'FORBIDDEN', /^CRE refused/],
  [
    'CALL { } with a write',
    "MATCH (v:Victim) CALL { CREATE (:Victim {id: 'victim:s'}) } RETURN 1",
    'INVALID_ARGUMENT',
    /^CALL \{ \} refused/,
  ],
  ['DDL', 'CREATE NODE TABLE Evil(id STRING PRIMARY KEY)', 'FORBIDDEN', /^CREATE refused/],
  ['DROP TABLE', 'DROP TABLE Victim', 'FORBIDDEN', /^DROP refused/],
  ['ALTER TABLE', 'ALTER TABLE Victim ADD x INT64', 'FORBIDDEN', /^ALTER refused/],
  ['a transaction', 'BEGIN TRANSACTION', 'FORBIDDEN', /^BEGIN refused/],
  ['CHECKPOINT', 'CHECKPOINT', 'FORBIDDEN', /^CHECKPOINT refused/],
];

const files: Case[] = [
  ['LOAD FROM', "LOAD FROM '/etc/passwd' (header = false, delim = ':') RETURN *", 'FORBIDDEN', /^LOAD refused/],
  ['LOAD FROM mid-query', "UNWIND [1] AS x LOAD FROM '/etc/passwd' RETURN *", 'FORBIDDEN', /^LOAD refused/],
  ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'FORBIDDEN', /^LOAD refused/],
  ['COPY TO', `COPY Victim TO '${file('victims.csv')}'`, 'FORBIDDEN', /^COPY refused/],
  ['COPY a query TO', `COPY (MATCH (v:Victim) RETURN v.name) TO '${file('names.csv')}'`, 'FORBIDDEN', /^COPY refused/],
  ['COPY FROM', `COPY Victim FROM '${file('in.csv')}'`, 'FORBIDDEN', /^COPY refused/],
  ['EXPORT DATABASE', `EXPORT DATABASE '${file('dump')}'`, 'FORBIDDEN', /^EXPORT refused/],
  ['IMPORT DATABASE', `IMPORT DATABASE '${file('dump')}'`, 'FORBIDDEN', /^IMPORT refused/],
  ['ATTACH', `ATTACH '${file('other.kuzu')}' AS other (dbtype kuzu)`, 'FORBIDDEN', /^ATTACH refused/],
  ['INSTALL', 'INSTALL httpfs', 'FORBIDDEN', /^INSTALL refused/],
  ['LOAD EXTENSION', `LOAD EXTENSION '${file('x.so')}'`, 'FORBIDDEN', /^LOAD refused/],
  ['a file-reading table function', "CALL read_csv('/etc/passwd') RETURN *", 'FORBIDDEN', /^CALL read_csv refused/],
];

const procedures: Case[] = [
  [
    'APOC',
    "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
    'FORBIDDEN',
    /^CALL apoc\.load\.json refused/,
  ],
  ['dbms', 'CALL dbms.security.listUsers()', 'FORBIDDEN', /^CALL dbms\.security\.listUsers refused/],
  ['an APOC function', 'RETURN apoc.util.sleep(100000) AS x', 'FORBIDDEN', /^apoc\.util\.sleep\(\) refused/],
  ['a setting', 'CALL timeout=1', 'FORBIDDEN', /^CALL timeout refused/],
  ['another setting', 'CALL threads=64', 'FORBIDDEN', /^CALL threads refused/],
  ['a projection', "CALL project_graph('g', ['Victim'], ['LIVES_IN'])", 'FORBIDDEN', /^CALL project_graph refused/],
  [
    'dropping the full-text index',
    "CALL drop_fts_index('Victim', 'fts_victim')",
    'FORBIDDEN',
    /^CALL drop_fts_index refused/,
  ],
  [
    'creating an index',
    "CALL create_fts_index('Victim', 'x', ['name'])",
    'FORBIDDEN',
    /^CALL create_fts_index refused/,
  ],
  ['a sequence', "RETURN nextval('s') AS x", 'FORBIDDEN', /^nextval\(\) refused/],
];

const runaways: Case[] = [
  ['a huge range()', 'UNWIND range(1, 50000000) AS x RETURN count(x) AS n', 'LIMIT_EXCEEDED', /^range\(\) refused/],
  [
    'a computed range()',
    "UNWIND range(1, toInteger('50000000')) AS x RETURN count(x) AS n",
    'LIMIT_EXCEEDED',
    /^range\(\) refused/,
  ],
  ['many ranges', `RETURN ${'size(range(1, 100000)) + '.repeat(20)}0 AS n`, 'LIMIT_EXCEEDED', /^range\(\) refused/],
  ['an unbounded path', 'MATCH (a)-[*]-(b) RETURN count(*) AS n', 'LIMIT_EXCEEDED', /^variable-length pattern refused/],
  [
    'a 30-hop walk',
    'MATCH (a)-[*1..30]-(b) RETURN count(*) AS n',
    'LIMIT_EXCEEDED',
    /^variable-length pattern refused/,
  ],
];

describe('hostile queries are refused before they reach the engine', () => {
  it.each([...writes, ...files, ...procedures, ...runaways])('%s', async (_what, query, code, clause) => {
    const result = await timed(RUN_CYPHER, { query });
    expect({ code: result.code, message: result.message }).toEqual({ code, message: expect.stringMatching(clause) });
    expect(result.ms).toBeLessThan(3_000);
  });
});

describe('runaways that pass the guard are stopped at their timeout', () => {
  it.each([
    ['a 10-hop walk over the transfers', 'MATCH (a:Wallet)-[:TRANSFERRED*1..10]-(b) RETURN count(*) AS n', 'TIMEOUT'],
    ['a 6-hop walk from every victim', 'MATCH (a:Victim)-[*1..6]-(b) RETURN count(*) AS n', 'TIMEOUT'],
    [
      'a cross product',
      'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a + b = 3 RETURN count(*) AS n',
      'TIMEOUT',
    ],
    // Across every table a 10-hop walk fills the buffer pool before the timeout: stopped all the same. The
    // pool is the Database's, so for those few milliseconds a concurrent store read can fail the same way.
    ['a 10-hop walk over the whole case', 'MATCH (a)-[*1..10]-(b) RETURN count(*) AS n', 'LIMIT_EXCEEDED'],
    [
      'ranges the engine evaluates without looking at its timeout',
      `RETURN ${'size(list_sort(list_reverse(range(1, 100000)))) + '.repeat(10)}0 AS n`,
      'TIMEOUT',
    ],
  ])('%s: %s within the timeout and a grace, the server answering meanwhile', async (_what, query, code) => {
    // Both analyst connections free first: the case before may still be stopping in the engine.
    const free = () =>
      Promise.all([1, 2].map(() => timed(RUN_CYPHER, { query: 'RETURN 1 AS one' }))).then((r) =>
        r.every((x) => !x.code),
      );
    await expect.poll(free, { timeout: 15_000, interval: 200 }).toBe(true);
    const runaway = timed(RUN_CYPHER, { query, timeoutMs: 300 });
    const health = await api.app.fetch('http://ringtrace.test/health');
    const stats = await timed('{ stats { entities { kind count } } }', {});
    const result = await runaway;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(code === 'TIMEOUT' ? /300 ms timeout/ : /buffer pool/);
    expect(result.ms).toBeLessThan(1_500);
    expect(health.status).toBe(200);
    expect(stats.ms).toBeLessThan(1_500);
    if (code === 'TIMEOUT') expect(stats.body.errors).toBeUndefined();
    else expect(stats.body.errors?.[0]?.extensions?.['code'] ?? 'none').toMatch(/^(none|LIMIT_EXCEEDED)$/);
    const after = await timed('{ stats { entities { kind count } } }', {});
    expect(after.body.errors).toBeUndefined();
  });
});

describe('injection through parameters binds, never rewrites the query', () => {
  it.each([
    [
      'a saved id parameter',
      RUN_SAVED,
      { name: 'money-trail', params: { victim: "victim:v-0002'}) DETACH DELETE v //" } },
    ],
    ['a saved string parameter', RUN_SAVED, { name: 'staff-at-large', params: { status: "at large' OR 1=1 //" } }],
    [
      'an ad-hoc parameter',
      RUN_CYPHER,
      {
        query: 'MATCH (v:Victim {id: $id}) RETURN v.id AS id',
        params: { id: "x'}) CREATE (n:Victim {id: 'victim:i'}) //" },
      },
    ],
  ])('%s: no rows, nothing changed', async (_what, query, variables) => {
    const result = await timed(query, variables);
    expect(result.body.errors).toBeUndefined();
    expect(Object.values(result.body.data)[0]).toMatchObject({ rows: [] });
  });

  it.each([
    [
      'a map value',
      { query: 'MATCH (v:Victim {id: $id}) RETURN v.id AS id', params: { id: { $ne: null } } },
      /maps are not bindable/,
    ],
    [
      'a list of maps missing a key (it kills Kuzu)',
      { query: 'UNWIND $rows AS r RETURN r.a AS a', params: { rows: [{ a: 1, b: 'x' }, { a: 2 }] } },
      /rows/,
    ],
    [
      'a parameter the query does not use',
      { query: 'RETURN 1 AS one', params: { 'x}) DETACH DELETE (v': 1 } },
      /does not use/,
    ],
  ])('%s is refused', async (_what, variables, message) => {
    const result = await timed(RUN_CYPHER, variables);
    expect({ code: result.code, message: result.message }).toEqual({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(message),
    });
  });

  it('an unknown saved-query parameter named like an injection is refused', async () => {
    const result = await timed(RUN_SAVED, {
      name: 'money-trail',
      params: { 'victim}) DETACH DELETE (v': 'victim:v-0001' },
    });
    expect(result.code).toBe('INVALID_ARGUMENT');
  });
});

describe('afterwards', () => {
  it('no file was written and no file was read back', () => {
    expect(readdirSync(trap)).toEqual([]);
    expect(existsSync(join(trap, 'dump'))).toBe(false);
    for (const body of bodies) expect(body).not.toMatch(/root:x?:0:0/);
  });

  it('the graph is unchanged and the server still answers queries', async () => {
    expect(await api.store.countByKind()).toEqual(before.kinds);
    expect(await api.store.countByLinkType()).toEqual(before.links);
    // A runaway above may still hold an analyst connection for a second or two (refused at once, not queued).
    const count = async () =>
      (await timed(RUN_CYPHER, { query: 'MATCH (v:Victim) RETURN count(v) AS n' })).body.data?.runCypher?.rows;
    await expect.poll(count, { timeout: 15_000, interval: 200 }).toEqual([[300]]);
    const search = await timed('{ search(text: "Khimprom") { totalCount } }', {});
    expect(search.body.data.search.totalCount).toBeGreaterThan(0);
  });
});
