/** Saved and ad-hoc queries: thin resolvers over the runner (server/src/queries). */
import type { SavedQueryParam } from '@ringtrace/cypher/queries/index.js';
import { savedQueryLibrary } from '../../queries/library.js';
import { listSavedQueries, runCypher, runSavedQuery, type QueryResult } from '../../queries/run-query.js';
import { budgetOf, primeEntities, type GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const paramOut = (p: SavedQueryParam) => {
  const item = p.type.name === 'list' ? p.type.item : p.type;
  return {
    name: p.name,
    type: p.type.name,
    typeText: p.typeText,
    itemType: p.type.name === 'list' ? p.type.item.name : null,
    kinds: item.name === 'id' ? [...item.kinds] : [],
    required: p.default === undefined && !p.optional,
    optional: p.optional,
    default: p.default ?? null,
    min: p.min ?? null,
    max: p.max ?? null,
    description: p.description,
  };
};

/** The subgraph's entities seed the loader: its links' ends then cost no store call. */
function primed(result: QueryResult, context: GraphQLContext) {
  primeEntities(context, result.subgraph.entities);
  return {
    ...result,
    columns: [...result.columns],
    rows: result.rows as unknown[][],
    truncated: [...result.truncated],
  };
}

/** Built with the schema: the library is loaded (and validated) then, at the server's start. */
export function queryResolvers(): Resolvers {
  const library = savedQueryLibrary();
  return {
    Query: {
      savedQueries: (_, __, { store }) =>
        listSavedQueries(library, store.info.engine).map((q) => ({
          name: q.name,
          title: q.title,
          description: q.description,
          engines: [...q.engines],
          supported: q.supported,
          returns: q.returns,
          params: q.params.map(paramOut),
          cypher: q.cypher,
        })),
      runSavedQuery: async (_, args, context) =>
        primed(
          await runSavedQuery(context.store, library, args.name, args.params as Record<string, unknown> | null, {
            rowCap: args.rowCap ?? null,
            timeoutMs: args.timeoutMs ?? null,
            ...budgetOf(context),
          }),
          context,
        ),
      runCypher: async (_, args, context) =>
        primed(
          await runCypher(context.store, args.query, args.params as Record<string, unknown> | null, {
            rowCap: args.rowCap ?? null,
            timeoutMs: args.timeoutMs ?? null,
            ...budgetOf(context),
          }),
          context,
        ),
    },
  };
}
