import { describe, expect, it } from 'vitest';
import { checkReadOnly, describeRefusal } from './read-only.js';
import type { Dialect } from './guard-rules.js';

const both: Dialect[] = ['neo4j', 'embedded'];

describe('the read-only guard lets reads through', () => {
  it.each([
    ['MATCH (n:Victim) RETURN n.name AS name', both],
    ["MATCH (n:Victim) WHERE n.name = 'CREATE (x)' RETURN n.`delete` AS x // SET n.x = 1", both],
    ['MATCH (n:Victim) RETURN n {.name, set: 1} AS m', ['neo4j']],
    ['OPTIONAL MATCH (n:Victim) WITH n UNWIND range(1, 3) AS i RETURN i ORDER BY i SKIP 1 LIMIT 2', both],
    ['MATCH (n:Victim) RETURN n.id AS id UNION ALL MATCH (w:Wallet) RETURN w.id AS id', both],
    ['MATCH (a:Victim)-[:PAID*1..4]->(w) RETURN count(*) AS n', both],
    ['MATCH (a:Victim)-[* SHORTEST 1..30]-(w) RETURN count(*) AS n', ['embedded']],
    ['MATCH p = (a:Victim) ((x)-[:TRANSFERRED]->(y)){1,3} RETURN count(*) AS n', ['neo4j']],
    ['MATCH (n:Victim) CALL { WITH n MATCH (n)-->(m) RETURN m } RETURN m', ['neo4j']],
    ['CALL db.labels() YIELD label RETURN label', ['neo4j']],
    ["CALL page_rank('ringtrace_projection') RETURN node.id AS id, rank", ['embedded']],
    ["RETURN date.truncate('day', datetime()) AS d", ['neo4j']],
    ['MATCH (n:Victim) WHERE n.id = $id RETURN n.id AS id;', both],
  ] as Array<[string, Dialect[]]>)('%s', (query, dialects) => {
    for (const d of dialects) expect(checkReadOnly(query, d), d).toBeNull();
  });
});

describe('the read-only guard refuses', () => {
  it.each([
    ['MATCH (n) CREATE (m:Victim) RETURN m', both, 'FORBIDDEN', 'CREATE'],
    ['MERGE (m:Victim {id: "x"}) RETURN m', both, 'FORBIDDEN', 'MERGE'],
    ['MATCH (n:Victim) SET n.name = "x"', both, 'FORBIDDEN', 'SET'],
    ['MATCH (n:Victim) DETACH DELETE n', both, 'FORBIDDEN', 'DETACH'],
    ['MATCH (n:Victim) REMOVE n.name', both, 'FORBIDDEN', 'REMOVE'],
    ["LOAD FROM '/etc/passwd' RETURN *", both, 'FORBIDDEN', 'LOAD'],
    ["MATCH (n) WITH n LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", both, 'FORBIDDEN', 'LOAD'],
    ["COPY Victim TO '/tmp/x.csv'", both, 'FORBIDDEN', 'COPY'],
    ["ATTACH '/tmp/other.kuzu' AS other (dbtype kuzu)", both, 'FORBIDDEN', 'ATTACH'],
    ['INSTALL httpfs', both, 'FORBIDDEN', 'INSTALL'],
    ["EXPORT DATABASE '/tmp/dump'", both, 'FORBIDDEN', 'EXPORT'],
    ["IMPORT DATABASE '/tmp/dump'", both, 'FORBIDDEN', 'IMPORT'],
    ["CALL apoc.load.json('http://x') YIELD value RETURN value", ['neo4j'], 'FORBIDDEN', 'CALL apoc.load.json'],
    ['CALL dbms.components()', ['neo4j'], 'FORBIDDEN', 'CALL dbms.components'],
    ['CALL timeout=1', ['embedded'], 'FORBIDDEN', 'CALL timeout'],
    ["CALL read_csv('/etc/passwd') RETURN *", ['embedded'], 'FORBIDDEN', 'CALL read_csv'],
    ["CALL project_graph('g', ['Victim'], ['PAID'])", ['embedded'], 'FORBIDDEN', 'CALL project_graph'],
    ['RETURN apoc.util.sleep(1000) AS x', ['neo4j'], 'FORBIDDEN', 'apoc.util.sleep()'],
    ["RETURN nextval('s') AS x", ['embedded'], 'FORBIDDEN', 'nextval()'],
    ['MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS RETURN 1', ['neo4j'], 'FORBIDDEN', 'SET'],
    ['EXPLAIN MATCH (n) RETURN n', both, 'FORBIDDEN', 'EXPLAIN'],
    ['MATCH (n) FINISH', ['neo4j'], 'FORBIDDEN', 'FINISH'],
    ['USE other MATCH (n) RETURN n', ['neo4j'], 'FORBIDDEN', 'USE'],
    ['RETURN 1; MATCH (n) DETACH DELETE n', both, 'INVALID_ARGUMENT', ';'],
    ['UNWIND range(1, 50000000) AS x RETURN count(x) AS n', both, 'LIMIT_EXCEEDED', 'range()'],
    ['UNWIND range(1, $n) AS x RETURN count(x) AS n', both, 'LIMIT_EXCEEDED', 'range()'],
    [`RETURN ${'size(range(1, 100000)) + '.repeat(11)}0 AS n`, both, 'LIMIT_EXCEEDED', 'range()'],
    ['MATCH (a)-[*]->(b) RETURN count(*) AS n', both, 'LIMIT_EXCEEDED', 'variable-length pattern'],
    ['MATCH (a)-[:PAID*1..]->(b) RETURN count(*) AS n', both, 'LIMIT_EXCEEDED', 'variable-length pattern'],
    ['MATCH (a)-[:PAID*1..25]->(b) RETURN count(*) AS n', both, 'LIMIT_EXCEEDED', 'variable-length pattern'],
    [
      'MATCH p = (a:Victim) ((x)-[:TRANSFERRED]->(y))+ RETURN count(*) AS n',
      ['neo4j'],
      'LIMIT_EXCEEDED',
      'quantified path pattern',
    ],
    ["RETURN 'unterminated", both, 'INVALID_ARGUMENT', 'query'],
    ['MATCH (n RETURN n', ['neo4j'], 'INVALID_ARGUMENT', 'query'],
    ['', both, 'INVALID_ARGUMENT', 'query'],
  ] as Array<[string, Dialect[], string, string]>)('%s', (query, dialects, code, clause) => {
    for (const d of dialects) {
      const refusal = checkReadOnly(query, d);
      expect(refusal, d).toMatchObject({ code, clause });
      expect(describeRefusal(refusal!)).toMatch(
        new RegExp(`^${clause.replace(/[().]/g, '\\$&')} refused at line \\d+, column \\d+: .+`),
      );
    }
  });

  it('names the line and column of the refused clause', () => {
    expect(checkReadOnly('MATCH (n:Victim)\nWITH n\n  SET n.name = "x"', 'embedded')).toMatchObject({
      line: 3,
      column: 3,
    });
  });
});
