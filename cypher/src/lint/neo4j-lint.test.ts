/**
 * Engine fidelity for Neo4j: every statement the adapter can send goes through Neo4j's own parser and
 * semantic analysis with the model's schema. No Neo4j server is needed.
 */
import { describe, expect, it } from 'vitest';
// The model is data owned by the server; only this test reads it (as a ModelShape), the builders never do.
import { model } from '../../../server/src/domain/model/index.js';
import type { ModelShape } from '../model-shape.js';
import { createNeo4jStatements, enumerateNeo4jStatements, NEO4J_MAX_PATH_HOPS } from '../neo4j/index.js';
import type { CypherStatement } from '../neo4j/statement.js';
import { formatFinding, lintNeo4jStatement } from './neo4j-lint.js';

const shape: ModelShape = model;

describe('Neo4j statements against Neo4j’s linter', () => {
  const statements = enumerateNeo4jStatements(shape);

  it('enumerates each builder for every kind, type, endpoint pair and path bound', () => {
    const names = statements.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const k of shape.kinds) {
      for (const op of [
        'entity.upsert',
        'entity.refs',
        'entity.get',
        'entity.remove',
        'count.kind',
        'schema.constraint',
      ]) {
        expect(names).toContain(op === 'schema.constraint' ? `${op}.${k.name}.id` : `${op}.${k.name}`);
      }
    }
    for (const r of shape.relationships) {
      for (const [from, to] of r.endpoints) expect(names).toContain(`link.upsert.${r.name}.${from}.${to}`);
      expect(names).toContain(`link.get.${r.name}`);
      expect(names).toContain(`link.remove.${r.name}`);
    }
    for (let hops = 1; hops <= NEO4J_MAX_PATH_HOPS; hops++) expect(names).toContain(`paths.shortest.${hops}`);
  });

  it('reports no error and no meaningful warning for any of them', { timeout: 180_000 }, () => {
    const findings = statements.flatMap((s) => lintNeo4jStatement(shape, s));
    console.log(`neo4j lint: ${statements.length} statements checked, ${findings.length} findings`);
    expect(findings.map(formatFinding)).toEqual([]);
  });
});

describe('the lint harness can fail', () => {
  const s = createNeo4jStatements(shape);
  const lint = (text: string, params: string[] = []) =>
    lintNeo4jStatement(shape, { name: 'negative', text, params } satisfies CypherStatement).map((f) => f.message);

  it('reports a misspelt label', () => {
    const text = s.getEntities('Victim').text.replace(':Victim', ':Victm');
    expect(lint(text, ['ids'])).toEqual([expect.stringContaining('Label Victm is not present')]);
  });

  it('reports a misspelt relationship type and property', () => {
    expect(lint('MATCH (a:Victim)-[r:PAYED]->(b:Wallet) RETURN r.amout AS x')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Relationship type PAYED is not present'),
        expect.stringContaining('amout is not present'),
      ]),
    );
  });

  it('reports an endpoint pair the model does not allow', () => {
    expect(lint('MATCH (a:Victim)-[:CALLED]->(b:Wallet) RETURN b.id AS x')).toEqual(
      expect.arrayContaining([expect.stringContaining('has no incoming')]),
    );
  });

  it("reports Kuzu's `* SHORTEST` syntax", () => {
    expect(lint('MATCH (a:Victim)-[* SHORTEST 1..3]-(b) RETURN b.id AS x')).toEqual(
      expect.arrayContaining([expect.stringContaining("Invalid input 'SHORTEST'")]),
    );
  });

  it("reports Kuzu's label() function", () => {
    expect(lint('MATCH (n:Victim) RETURN label(n) AS kind')).toEqual([
      expect.stringContaining('Function label is not present'),
    ]);
  });

  it('reports a cartesian product', () => {
    expect(lint('MATCH (a:Victim), (b:Wallet) RETURN a.id AS x, b.id AS y')).toEqual([
      expect.stringContaining('cartesian product'),
    ]);
  });

  it('reports an undeclared parameter and a declared one that is never read', () => {
    expect(lint('MATCH (n:Victim {id: $id}) RETURN n.name AS name', ['limit'])).toEqual(
      expect.arrayContaining(['Parameter $id is not defined.', 'Parameter $limit is declared but not used.']),
    );
  });
});
