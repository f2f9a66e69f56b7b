/**
 * `directive @requires(right: String!) on FIELD_DEFINITION` (schema/base.graphql): each Query and
 * Mutation field names the right it needs, in the SDL beside the field. This reads those declarations
 * once per schema; a right that rights.ts does not define stops the server at start.
 */
import { Kind, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { RIGHTS, type Right } from '../../domain/access/rights.js';

export const REQUIRES = 'requires';

export type RootOperation = 'Query' | 'Mutation';

export interface RootFieldRight {
  readonly operation: RootOperation;
  readonly field: string;
  /** Undefined when the field declares none: refused for everyone (a test fails on it too). */
  readonly right: Right | undefined;
}

const isRight = (value: string): value is Right => (RIGHTS as readonly string[]).includes(value);

function declaredRight(type: GraphQLObjectType, field: string): Right | undefined {
  const directive = type.getFields()[field]?.astNode?.directives?.find((d) => d.name.value === REQUIRES);
  const argument = directive?.arguments?.find((a) => a.name.value === 'right')?.value;
  if (!argument) return undefined;
  if (argument.kind !== Kind.STRING || !isRight(argument.value)) {
    const shown = argument.kind === Kind.STRING ? argument.value : argument.kind;
    throw new Error(`${type.name}.${field}: @requires names no right of rights.ts: ${shown}`);
  }
  return argument.value;
}

const cache = new WeakMap<GraphQLSchema, ReadonlyMap<string, RootFieldRight>>();

/** Every Query and Mutation field with its right, keyed `Query.search`, `Mutation.createEntity`. */
export function rootFieldRights(schema: GraphQLSchema): ReadonlyMap<string, RootFieldRight> {
  const known = cache.get(schema);
  if (known) return known;
  const rights = new Map<string, RootFieldRight>();
  for (const [operation, type] of [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.keys(type.getFields())) {
      rights.set(`${operation}.${field}`, { operation, field, right: declaredRight(type, field) });
    }
  }
  cache.set(schema, rights);
  return rights;
}
