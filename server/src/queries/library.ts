/**
 * The saved-query library of this process: cypher/queries, loaded and validated once, on first use.
 * The GraphQL schema asks for it when it is built, so a malformed query file stops the server at start
 * (one line per problem, `file:line: message`) instead of failing when an analyst runs it.
 */
import { loadQueryLibrary, type QueryLibrary } from '@ringtrace/cypher/queries/index.js';
import { model } from '../domain/model/index.js';

let library: QueryLibrary | undefined;

export function savedQueryLibrary(): QueryLibrary {
  library ??= loadQueryLibrary(model);
  return library;
}
