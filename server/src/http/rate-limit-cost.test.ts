import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { IMPORT_COST, operationCost } from './rate-limit-cost.js';

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  operationCost(parse(query), operationName, variables);

describe('operationCost', () => {
  it('is 1 for an ordinary query, and at least 1', () => {
    expect(cost('{ stats { engine } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(1);
  });

  it('charges the heavy root fields more', () => {
    expect(cost('{ runCypher(query: "RETURN 1") { rows } }')).toBe(10);
    expect(cost('{ runSavedQuery(name: "x") { rows } }')).toBe(10);
    expect(cost('{ paths(from: "a", to: "b") { paths { hops } } }')).toBe(5);
    expect(cost('{ connectingNetwork(ids: ["a"]) { unconnected } }')).toBe(5);
    expect(IMPORT_COST).toBe(20);
  });

  it('charges neighbourhood by depth, from a literal or a variable', () => {
    const n = 'query ($d: Int!) { neighbourhood(ids: ["a"], depth: $d) { entities { id } } }';
    expect(cost('{ neighbourhood(ids: ["a"]) { entities { id } } }')).toBe(1);
    expect(cost('{ neighbourhood(ids: ["a"], depth: 2) { entities { id } } }')).toBe(3);
    expect(cost(n, { d: 3 })).toBe(10);
    expect(cost(n, { d: 1 })).toBe(1);
  });

  it('adds up root fields: aliases and fragments at the root count each time', () => {
    expect(cost('{ a: runCypher(query: "1") { rows } b: runCypher(query: "2") { rows } stats { engine } }')).toBe(21);
    expect(cost('{ ...F } fragment F on Query { paths(from: "a", to: "b") { paths { hops } } stats { engine } }')).toBe(
      6,
    );
    expect(cost('{ ... on Query { runCypher(query: "1") { rows } } }')).toBe(10);
  });

  it('takes the operation named, not the others in the document', () => {
    const doc = 'query A { stats { engine } } query B { runCypher(query: "1") { rows } }';
    expect(cost(doc, {}, 'A')).toBe(1);
    expect(cost(doc, {}, 'B')).toBe(10);
  });
});
