import type { SourceRef } from '../../domain/graph.js';
import { provenance } from '../../domain/services/read-graph.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

/** A property of the source's file, from its SourceFile entity (`source:<sha256>`), batched per request. */
const fileProperty =
  (name: string) =>
  async (ref: SourceRef, _: unknown, { entities }: GraphQLContext): Promise<string | null> => {
    const value = (await entities.load(`source:${ref.sha256}`))?.properties[name];
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
