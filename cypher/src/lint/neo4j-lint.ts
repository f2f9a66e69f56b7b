/**
 * Checks Cypher statements with Neo4j's own parser and semantic analysis (`@neo4j-cypher/language-support`),
 * given a schema built from the model: its labels, relationship types, allowed endpoints, property keys,
 * and the parameters each statement declares. No database is needed.
 */
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import type { ModelShape } from '../model-shape.js';
import type { CypherStatement } from '../neo4j/statement.js';
import { ENTITY_SYSTEM_KEYS, LINK_SYSTEM_KEYS } from '../neo4j/system-properties.js';

export interface LintFinding {
  readonly statement: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** 1-based line and column in the statement text. */
  readonly line: number;
  readonly column: number;
}

// LSP severities: 1 error, 2 warning, 3 information, 4 hint.
const SEVERITY_ERROR = 1;
const SEVERITY_WARNING = 2;

/**
 * Warnings that are not a fault of the statement, with the reason. Everything else the linter warns
 * about (misspelt labels, types or properties, impossible endpoint pairs, cartesian products,
 * deprecated syntax) fails the check.
 */
export const IGNORED_WARNINGS: ReadonlyArray<{ readonly pattern: RegExp; readonly reason: string }> = [];

/** The linter's view of the database: the model's schema plus the parameters one statement declares. */
export function neo4jDbSchema(model: ModelShape, params: readonly string[] = []): DbSchema {
  const propertyKeys = new Set<string>([...ENTITY_SYSTEM_KEYS, ...LINK_SYSTEM_KEYS]);
  for (const owner of [...model.kinds, ...model.relationships]) {
    for (const p of Object.keys(owner.properties)) propertyKeys.add(p);
  }
  const mock = testData.mockSchema;
  return {
    labels: model.kinds.map((k) => k.name),
    relationshipTypes: model.relationships.map((r) => r.name),
    propertyKeys: [...propertyKeys],
    graphSchema: model.relationships.flatMap((r) => r.endpoints.map(([from, to]) => ({ from, to, relType: r.name }))),
    // Only `undefined` means "not declared" to the linter; the value itself is not checked.
    parameters: Object.fromEntries(params.map((p) => [p, null as unknown])),
    // Built-in functions and procedures of Neo4j 5 as the language support package knows them.
    ...(mock.functions ? { functions: mock.functions } : {}),
    ...(mock.procedures ? { procedures: mock.procedures } : {}),
    defaultLanguage: 'CYPHER 5',
  };
}

/** The findings that fail a statement: every error, and every warning not explicitly ignored. */
export function lintNeo4jStatement(model: ModelShape, stmt: CypherStatement): LintFinding[] {
  const { diagnostics } = lintCypherQuery(stmt.text, neo4jDbSchema(model, stmt.params));
  const findings: LintFinding[] = unusedParameters(stmt).map((p) => ({
    statement: stmt.name,
    severity: 'error',
    message: `Parameter $${p} is declared but not used.`,
    line: 1,
    column: 1,
  }));
  for (const d of diagnostics) {
    const severity = d.severity === SEVERITY_ERROR ? 'error' : d.severity === SEVERITY_WARNING ? 'warning' : undefined;
    if (!severity) continue;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    if (severity === 'warning' && IGNORED_WARNINGS.some((w) => w.pattern.test(message))) continue;
    findings.push({
      statement: stmt.name,
      severity,
      message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    });
  }
  return findings;
}

/**
 * Parameters a statement declares but never reads: the linter cannot see these, and they mean the
 * builder and the adapter have drifted apart.
 */
export function unusedParameters(stmt: CypherStatement): string[] {
  const used = new Set([...stmt.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  return stmt.params.filter((p) => !used.has(p));
}

/** One line per finding, for test failures: `name 2:14 error: message`. */
export const formatFinding = (f: LintFinding) => `${f.statement} ${f.line}:${f.column} ${f.severity}: ${f.message}`;
