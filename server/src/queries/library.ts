/**
 * The saved-query library of this process: cypher/queries, loaded and validated once, on first use.
 * The GraphQL schema asks for it when it is built, so a malformed query file stops the server at start
 * (one line per problem, `file:line: message`) instead of failing when an analyst runs it.
 */
import { loadQueryLibrary, QUERY_DIR, type QueryLibrary } from '@ringtrace/cypher/queries/index.js';
import { model } from '../domain/model/index.js';

let library: QueryLibrary | undefined;

export function savedQueryLibrary(): QueryLibrary {
  // Without Neo4j's parse tree (0.3 s a query): the Neo4j adapter checks it before every run, and
  // cypher/src/queries/library.test.ts lints every Neo4j variant with the model.
  library ??= loadQueryLibrary(model, QUERY_DIR, { neo4jTree: false });
  return library;
}
