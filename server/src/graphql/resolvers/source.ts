import type { SourceRef } from '../../domain/graph.js';
import { provenance } from '../../domain/services/read-graph.js';
import type { GraphQLContext } from '../context.js';

/** A property of the source's file, from its SourceFile entity (`source:<sha256>`), batched per request. */
const fileProperty =
  (name: string) =>
  async (ref: SourceRef, _: unknown, { entities }: GraphQLContext) =>
    (await entities.load(`source:${ref.sha256}`))?.properties[name] ?? null;

export const sourceResolvers = {
  Query: {
    provenance: (_: unknown, { id }: { id: string }, { store }: GraphQLContext) => provenance(store, id),
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
