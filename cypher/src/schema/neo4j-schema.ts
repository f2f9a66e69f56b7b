/**
 * Neo4j constraints and indexes, generated from the model. Every statement is idempotent (IF NOT EXISTS), so
 * `init()` can run them on every start. Schema commands run one per transaction (Neo4j refuses to mix them
 * with data writes), then `db.awaitIndexes` waits until the indexes are online.
 */
import type { ModelShape } from '../model-shape.js';
import { investigationKindsOf, kindIn, relationshipIn } from '../neo4j/names.js';
import { statement, type CypherStatement } from '../neo4j/statement.js';

/** The full-text index over every investigation kind's `searchText`. */
export const NEO4J_SEARCH_INDEX = 'entity_search';

/**
 * Lucene analyzer of the full-text index. `english` lower-cases, drops English stop words and applies the
 * Porter stemmer, which is what the embedded engine's fts extension does by default, so both engines
 * match the same words.
 */
export const NEO4J_SEARCH_ANALYZER = 'english';

/** Constraints and indexes, in the order they are created. */
export function neo4jSchemaStatements(model: ModelShape): CypherStatement[] {
  const out: CypherStatement[] = [];
  for (const k of model.kinds) {
    const kind = kindIn(model, k.name);
    // A uniqueness constraint also creates the range index that every lookup by id uses.
    out.push(
      statement(
        `schema.constraint.${kind.name}.id`,
        [],
        [`CREATE CONSTRAINT entity_${kind.name}_id IF NOT EXISTS`, `FOR (n:${kind.name}) REQUIRE n.id IS UNIQUE`],
      ),
    );
  }
  for (const r of model.relationships) {
    const rel = relationshipIn(model, r.name);
    // Relationship uniqueness constraints need Neo4j 5.7 or later; they back getLinks with an index seek.
    out.push(
      statement(
        `schema.constraint.${rel.name}.id`,
        [],
        [`CREATE CONSTRAINT link_${rel.name}_id IF NOT EXISTS`, `FOR ()-[r:${rel.name}]-() REQUIRE r.id IS UNIQUE`],
      ),
    );
    // Event times (when a call, payment or transfer happened) are what timelines and time windows filter on.
    for (const [prop, def] of Object.entries(rel.properties)) {
      if (def.type !== 'datetime') continue;
      out.push(
        statement(
          `schema.index.${rel.name}.${prop}`,
          [],
          [`CREATE INDEX link_${rel.name}_${prop} IF NOT EXISTS`, `FOR ()-[r:${rel.name}]-() ON (r.${prop})`],
        ),
      );
    }
  }
  const labels = investigationKindsOf(model).map((k) => kindIn(model, k.name).name);
  out.push(
    statement(
      'schema.fulltext.search',
      [],
      [
        `CREATE FULLTEXT INDEX ${NEO4J_SEARCH_INDEX} IF NOT EXISTS`,
        `FOR (n:${labels.join('|')}) ON EACH [n.searchText]`,
        `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${NEO4J_SEARCH_ANALYZER}' } }`,
      ],
    ),
  );
  return out;
}

/** Waits until every index is online (population of a new index runs in the background). */
export const neo4jAwaitIndexesStatement = (): CypherStatement =>
  statement('schema.awaitIndexes', ['timeoutSeconds'], ['CALL db.awaitIndexes($timeoutSeconds)']);
