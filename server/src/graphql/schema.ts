import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { entityResolvers } from './resolvers/entity.js';
import { jsonResolvers } from './resolvers/json-scalar.js';
import { modelResolvers } from './resolvers/model.js';
import { statsResolvers } from './resolvers/stats.js';

const schemaDir = new URL('./schema/', import.meta.url);

/** The SDL files, one module per concern; `type Query` in each is merged into one. */
export function readTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, schemaDir), 'utf8'));
}

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: [jsonResolvers, statsResolvers, entityResolvers, modelResolvers],
  });
}
