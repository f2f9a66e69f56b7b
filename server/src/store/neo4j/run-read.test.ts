/**
 * The Neo4j adapter's raw reads against a fake driver (no Neo4j server here): READ access mode, the
 * server-side transaction timeout, the client deadline that closes the session, the row cap, graph
 * objects as ids, and the guard before any session is opened. The store contract runs on a real Neo4j
 * whenever NEO4J_URI is set.
 */
import { int, types, type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { runReadNeo4j } from './run-read.js';

interface Recorded {
  sessionConfig?: unknown;
  txConfig?: unknown;
  params?: Record<string, unknown>;
  closed: number;
}

function fakeDriver(
  rows: Array<Record<string, unknown>>,
  behaviour: 'answer' | 'hang' | { error: { code: string; message: string } } = 'answer',
) {
  const recorded: Recorded = { closed: 0 };
  const driver = {
    session(config: unknown) {
      recorded.sessionConfig = config;
      return {
        executeRead(work: (tx: unknown) => Promise<unknown>, txConfig: unknown) {
          recorded.txConfig = txConfig;
          if (behaviour === 'hang') return new Promise(() => undefined);
          if (typeof behaviour === 'object')
            return Promise.reject(Object.assign(new Error(behaviour.error.message), behaviour.error));
          return work({
            run(_text: string, params: Record<string, unknown>) {
              recorded.params = params;
              return {
                keys: async () => Object.keys(rows[0] ?? { a: 1 }),
                async *[Symbol.asyncIterator]() {
                  for (const row of rows) yield { get: (k: string) => row[k] };
                },
              };
            },
          });
        },
        async close() {
          recorded.closed++;
        },
      };
    },
  };
  return { driver: driver as unknown as Driver, recorded };
}

const victim = new types.Node(int(1), ['Victim'], { id: 'victim:v-1', name: 'Ann' }, 'e1');
const wallet = new types.Node(int(2), ['Wallet'], { id: 'wallet:eth:0xab' }, 'e2');
const paid = new types.Relationship(
  int(3),
  int(1),
  int(2),
  'PAID',
  { id: 'link:PAID:01', amount: '1' },
  'e3',
  'e1',
  'e2',
);
const path = new types.Path(victim, wallet, [new types.PathSegment(victim, paid, wallet)]);
const options = { database: 'cases', queryTimeoutMs: 5_000, graceMs: 10 };

describe('Neo4j runRead', () => {
  it('runs in a READ transaction with the timeout, whole numbers bound as Neo4j integers', async () => {
    const { driver, recorded } = fakeDriver([{ n: int(3) }]);
    const result = await runReadNeo4j(
      driver,
      options,
      'MATCH (v:Victim) RETURN count(v) AS n LIMIT $limit',
      { limit: 10 },
      { rowCap: 5, timeoutMs: 2_000 },
    );
    expect(result).toEqual({ columns: ['n'], rows: [[3]], truncated: null });
    expect(recorded.sessionConfig).toEqual({ defaultAccessMode: 'READ', database: 'cases' });
    expect(recorded.txConfig).toEqual({ timeout: 2_000, metadata: { app: 'ringtrace', op: 'runRead' } });
    expect(int(10).equals(recorded.params!['limit'] as number)).toBe(true);
    expect(recorded.closed).toBe(1);
  });

  it('gives nodes, relationships and paths as ids, and counts rows past the cap', async () => {
    const rows = [
      { v: victim, r: paid, p: path, l: [victim, { w: wallet }] },
      { v: wallet, r: null, p: null, l: [] },
    ];
    const { driver } = fakeDriver(rows);
    const result = await runReadNeo4j(
      driver,
      options,
      'MATCH p = (v)-[r]->(w) RETURN v, r, p, [v, {w: w}] AS l',
      {},
      { rowCap: 1 },
    );
    expect(result.rows).toEqual([
      [
        'victim:v-1',
        'link:PAID:01',
        { entityIds: ['victim:v-1', 'wallet:eth:0xab'], linkIds: ['link:PAID:01'] },
        ['victim:v-1', { w: 'wallet:eth:0xab' }],
      ],
    ]);
    expect(result.truncated).toEqual({ bound: 'rowCap', value: 1, omitted: 1 });
  });

  it('refuses what the guard refuses before opening a session', async () => {
    const { driver, recorded } = fakeDriver([]);
    await expect(
      runReadNeo4j(driver, options, "CALL apoc.load.json('file:///etc/passwd')", {}, { rowCap: 1 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(recorded.sessionConfig).toBeUndefined();
  });

  it('answers TIMEOUT at its deadline and closes the session when the server does not answer', async () => {
    const { driver, recorded } = fakeDriver([], 'hang');
    const t0 = performance.now();
    await expect(
      runReadNeo4j(driver, options, 'MATCH (n:Victim) RETURN n.id AS id', {}, { rowCap: 1, timeoutMs: 100 }),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(recorded.closed).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT'],
    ['Neo.ClientError.Statement.AccessMode', 'FORBIDDEN'],
    ['Neo.ClientError.Statement.SyntaxError', 'INVALID_ARGUMENT'],
  ])('maps the server’s %s to %s', async (code, expected) => {
    const { driver } = fakeDriver([], { error: { code, message: 'refused' } });
    await expect(
      runReadNeo4j(driver, options, 'MATCH (n:Victim) RETURN n.id AS id', {}, { rowCap: 1 }),
    ).rejects.toMatchObject({
      code: expected,
    });
  });
});
