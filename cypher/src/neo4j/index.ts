export type { CypherStatement } from './statement.js';
export { createNeo4jStatements, enumerateNeo4jStatements, type Neo4jStatements } from './statements.js';
export { luceneQuery } from './search.js';
export { NEO4J_MAX_PATH_HOPS } from './traverse.js';
export { ENTITY_SYSTEM_KEYS, LINK_SYSTEM_KEYS } from './system-properties.js';
export { NEO4J_SEARCH_INDEX, NEO4J_SEARCH_ANALYZER } from '../schema/neo4j-schema.js';
