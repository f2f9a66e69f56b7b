import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { meResolvers } from './access/me-resolver.js';
import { modelTypeDefs, modelTypeResolvers } from './model-types.js';
import { auditResolvers } from './resolvers/audit.js';
import { entityResolvers } from './resolvers/entity.js';
import { jsonResolvers } from './resolvers/json-scalar.js';
import { linkResolvers } from './resolvers/link.js';
import { modelResolvers } from './resolvers/model.js';
import { mutationResolvers } from './resolvers/mutation.js';
import { queryResolvers } from './resolvers/queries.js';
import { scalarResolvers } from './resolvers/scalars.js';
import { searchResolvers } from './resolvers/search.js';
import { sourceResolvers } from './resolvers/source.js';
import { statsResolvers } from './resolvers/stats.js';
import { subgraphResolvers } from './resolvers/subgraph.js';

const schemaDir = new URL('./schema/', import.meta.url);

/** The SDL: the hand-written files (one module per concern; `type Query` in each is merged), then the model's types. */
export function readTypeDefs(): string[] {
  const files = readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, schemaDir), 'utf8'));
  return [...files, modelTypeDefs()];
}

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: [
      jsonResolvers,
      scalarResolvers,
      statsResolvers,
      entityResolvers,
      linkResolvers,
      sourceResolvers,
      subgraphResolvers,
      searchResolvers,
      modelResolvers,
      mutationResolvers,
      meResolvers,
      auditResolvers,
      queryResolvers(),
      modelTypeResolvers(),
    ],
  });
}
