import type { SourceRef } from '../../domain/graph.js';
import { provenance } from '../../domain/services/read-graph.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { entityView } from './redaction.js';

/**
 * A property of the source's file, from its SourceFile entity (`source:<sha256>`), batched per request, as
 * the caller may see it (a hand edit's title quotes the values it replaced: withheld without personal:read).
 */
const fileProperty =
  (name: string) =>
  async (ref: SourceRef, _: unknown, context: GraphQLContext): Promise<string | null> => {
    const file = await context.entities.load(`source:${ref.sha256}`);
    const value = file ? entityView(file, context).properties[name] : undefined;
    return typeof value === 'string' ? value : null;
  };

export const sourceResolvers: Resolvers = {
  Query: {
    provenance: (_, { id }, { store }) => provenance(store, id),
  },
  Source: {
    fileName: fileProperty('name'),
    title: fileProperty('title'),
    url: fileProperty('url'),
    basis: fileProperty('basis'),
    loadedAt: fileProperty('loadedAt'),
    loadedBy: fileProperty('loadedBy'),
    importRun: fileProperty('importRun'),
  },
};
