/**
 * The Neo4j half of the read-only guard, on Neo4j's own grammar (`@neo4j-cypher/language-support`): the
 * query must parse without a syntax error, every clause of the parse tree must be a read clause, every
 * procedure an allowlisted one, every quantifier and path length bounded. The token rules in
 * read-only.ts run first and give the clearer message; this catches what tokens cannot see (a clause the
 * word list does not know, a quantified path pattern `{1,}` or `+`).
 */
import { createRequire } from 'node:module';
import type { SimpleTree } from '@neo4j-cypher/language-support';
import { ALLOWED_PROCEDURES, type GuardLimits } from './guard-rules.js';
import type { Refusal } from './read-only.js';

/** Clause rules of Neo4j's grammar that only read. */
const READ_CLAUSES = new Set([
  'matchClause',
  'withClause',
  'returnClause',
  'unwindClause',
  'callClause',
  'subqueryClause',
  'orderBySkipLimitClause',
]);

/** Rules that mean "not a plain query" wherever they appear. */
const REFUSED_RULES: Readonly<Record<string, string>> = {
  command: 'administration and schema commands are not reads',
  consoleCommand: 'client console commands are not queries',
  preparserOption: 'EXPLAIN, PROFILE and CYPHER options are not allowed',
  localDefinition: 'local procedure definitions are not allowed',
  subqueryInTransactionsParameters: 'CALL { } IN TRANSACTIONS exists to write in batches',
  useClause: 'USE switches to another database',
};

type LanguageSupport = typeof import('@neo4j-cypher/language-support');
let languageSupport: LanguageSupport | undefined;
/**
 * Neo4j's parser, loaded on first use (its CommonJS build, synchronously): it takes a second or two to load,
 * and a server on the embedded engine never needs it.
 */
function neo4jParser(): LanguageSupport {
  languageSupport ??= createRequire(import.meta.url)('@neo4j-cypher/language-support') as LanguageSupport;
  return languageSupport;
}

const at = { line: 1, column: 1 };
const refusal = (code: Refusal['code'], clause: string, reason: string): Refusal => ({ code, clause, reason, ...at });

/** The text of a subtree's leaves, joined without spaces (names, numbers, punctuation). */
function leaves(tree: SimpleTree): string {
  return tree.children && tree.children.length > 0 ? tree.children.map(leaves).join('') : tree.name;
}

const isLeaf = (tree: SimpleTree) => !tree.children || tree.children.length === 0;

function checkBounds(tree: SimpleTree, limits: GuardLimits): Refusal | null {
  const parts = (tree.children ?? []).map((c) => c.name);
  const numbers = parts.filter((p) => /^\d+$/.test(p)).map(Number);
  const max = limits.maxHops;
  if (tree.name === 'pathLength') {
    // `*`, `*n`, `*n..`, `*..m`, `*n..m`: the upper bound is the number after `..`, or the single one.
    const dots = parts.indexOf('..');
    const upper = dots === -1 ? numbers[0] : /^\d+$/.test(parts[dots + 1] ?? '') ? Number(parts[dots + 1]) : undefined;
    if (upper === undefined) {
      return refusal('LIMIT_EXCEEDED', 'variable-length pattern', `needs an upper bound of at most ${max} hops`);
    }
    if (upper > max) return refusal('LIMIT_EXCEEDED', 'variable-length pattern', `at most ${max} hops, got ${upper}`);
  }
  if (tree.name === 'quantifier') {
    // `{n}`, `{n,m}`, `{n,}`, `{,m}`, `+`, `*`.
    const comma = parts.indexOf(',');
    const upper =
      parts[0] !== '{'
        ? undefined
        : comma === -1
          ? numbers[0]
          : /^\d+$/.test(parts[comma + 1] ?? '')
            ? Number(parts[comma + 1])
            : undefined;
    if (upper === undefined) {
      return refusal(
        'LIMIT_EXCEEDED',
        'quantified path pattern',
        `needs an upper bound of at most ${max}, e.g. {1,${Math.min(4, max)}}`,
      );
    }
    if (upper > max)
      return refusal('LIMIT_EXCEEDED', 'quantified path pattern', `at most ${max} repetitions, got ${upper}`);
  }
  return null;
}

function walk(tree: SimpleTree, limits: GuardLimits): Refusal | null {
  if (isLeaf(tree)) return null;
  const reason = REFUSED_RULES[tree.name];
  if (reason) return refusal('FORBIDDEN', tree.name.replace(/Clause$|Command$/, '').toUpperCase(), reason);
  if (tree.name === 'clause') {
    const kind = tree.children?.[0]?.name ?? '';
    if (!READ_CLAUSES.has(kind)) {
      const word = tree.children?.[0]
        ? leaves(tree.children[0])
            .match(/^[A-Za-z]+/)?.[0]
            ?.toUpperCase()
        : undefined;
      return refusal('FORBIDDEN', word ?? kind, `${kind} is not a read clause`);
    }
  }
  if (tree.name === 'procedureName') {
    const name = leaves(tree);
    if (!Object.hasOwn(ALLOWED_PROCEDURES.neo4j, name.toLowerCase())) {
      return refusal('FORBIDDEN', `CALL ${name}`, 'not an allowlisted procedure');
    }
  }
  const bounds = checkBounds(tree, limits);
  if (bounds) return bounds;
  for (const child of tree.children ?? []) {
    const found = walk(child, limits);
    if (found) return found;
  }
  return null;
}

export function checkNeo4jTree(text: string, limits: GuardLimits): Refusal | null {
  // Syntax only: no schema, so labels, properties, functions and parameters are not judged here.
  // Parameters are the runner's business (checked against the query's declared types), not the parser's.
  const { lintCypherQuery, getDebugTree } = neo4jParser();
  const { diagnostics } = lintCypherQuery(text, {}, { consoleCommandsEnabled: false });
  const messageOf = (d: (typeof diagnostics)[number]) => (typeof d.message === 'string' ? d.message : d.message.value);
  const error = diagnostics.find((d) => d.severity === 1 && !/^Parameter \S+ is not defined\.$/.test(messageOf(d)));
  if (error) {
    const message = messageOf(error);
    return {
      code: 'INVALID_ARGUMENT',
      clause: 'query',
      reason: `Neo4j cannot parse it: ${message.split('\n')[0]}`,
      line: error.range.start.line + 1,
      column: error.range.start.character + 1,
    };
  }
  return walk(getDebugTree(text), limits);
}
