export { allKuzuStatements, BEGIN, COMMIT, kuzuStatements, ROLLBACK } from './statements.js';
export type { CatalogEntry, KuzuStatements } from './statements.js';
export type { EntityStatements } from './entity-statements.js';
export type { LinkPairStatements, LinkStatements } from './link-statements.js';
export { linkProjection, type ProjectedProperty } from './link-projection.js';
export { propParam, type KuzuStatement } from './statement.js';
export { MAX_PATH_HOPS, traversableRelationships } from './traversal-statements.js';
export { decodeFtsText, encodeFtsText } from './fts-text.js';
export { KUZU_TYPES } from './kuzu-types.js';
