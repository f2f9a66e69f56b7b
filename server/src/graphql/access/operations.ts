/**
 * For the role matrix: a minimal valid operation for every Query and Mutation field, built from the
 * schema itself, so a field added later is tried without anyone listing it. Arguments come from a small
 * table (ids of the demo case; mutations aimed at ids that do not exist, so nothing changes), then from
 * the argument's name, then from its type.
 */
import type { GraphQLSchema } from 'graphql';
import { rootFieldRights, type RootFieldRight } from './requires-directive.js';

/** Per field: values for its arguments (required ones, and a few optional ones that keep it cheap). */
const BY_FIELD: Readonly<Record<string, Record<string, unknown>>> = {
  'Query.runSavedQuery': { name: 'centre-to-crime-group', params: { centre: 'callcentre:moscow-orion' } },
  'Query.runCypher': { query: 'MATCH (n:CallCentre) RETURN n.id AS id LIMIT 1' },
  'Query.paths': { from: 'callcentre:moscow-orion', to: 'crimegroup:khimprom', maxHops: 3 },
  'Mutation.createEntity': { kind: 'Victim', key: 'v-matrix', properties: { name: 'Matrix Test' } },
  'Mutation.updateEntity': { id: 'victim:v-no-such', properties: {} },
  'Mutation.linkEntities': { type: 'LIVES_IN', from: 'victim:v-no-such', to: 'country:DE' },
  'Mutation.removeLink': { id: 'link:LIVES_IN:0000000000000000' },
  'Mutation.removeEntity': { id: 'victim:v-no-such' },
};

/** By argument name, for fields the table does not list. */
const BY_NAME: Readonly<Record<string, unknown>> = {
  id: 'callcentre:moscow-orion',
  ids: ['callcentre:moscow-orion', 'crimegroup:khimprom'],
  text: 'orion',
  from: 'callcentre:moscow-orion',
  to: 'crimegroup:khimprom',
};

/**
 * A value for a type written as SDL (`[ID!]!`). Types are read from their printed form and looked up by
 * name, not with graphql's `isListType`...: under the test runner graphql can be loaded twice (ESM and
 * CommonJS), and its `instanceof` checks then fail across the two copies.
 */
function valueOfType(schema: GraphQLSchema, type: string): unknown {
  const inner = type.replace(/!$/, '');
  if (inner.startsWith('[')) return [valueOfType(schema, inner.slice(1, -1))];
  const named = schema.getType(inner) as { getValues?: () => Array<{ value: unknown }> } | undefined | null;
  if (named?.getValues) return named.getValues()[0]?.value;
  switch (inner) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'JSON':
      return {};
    default:
      return 'callcentre:moscow-orion';
  }
}

/** Whether a (named) type has fields to select: objects, interfaces and unions do, scalars and enums not. */
function hasFields(schema: GraphQLSchema, type: string): boolean {
  const named = schema.getType(type.replace(/[[\]!]/g, '')) as object | undefined | null;
  return named !== undefined && named !== null && ('getFields' in named || 'getTypes' in named);
}

export interface MatrixOperation extends RootFieldRight {
  readonly document: string;
  readonly variables: Record<string, unknown>;
}

export function matrixOperations(schema: GraphQLSchema): MatrixOperation[] {
  return [...rootFieldRights(schema).entries()].map(([key, declared]) => {
    const type = declared.operation === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    const field = type.getFields()[declared.field]!;
    const given = BY_FIELD[key] ?? {};
    const used = field.args.filter(
      (a) => a.name in given || (String(a.type).endsWith('!') && a.defaultValue === undefined),
    );
    const variables = Object.fromEntries(
      used.map((a) => [a.name, given[a.name] ?? BY_NAME[a.name] ?? valueOfType(schema, String(a.type))]),
    );
    const declarations = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = used.length === 0 ? '' : `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})`;
    const selection = hasFields(schema, String(field.type)) ? ' { __typename }' : '';
    const keyword = declared.operation === 'Query' ? 'query' : 'mutation';
    const document = `${keyword} Matrix${declarations ? `(${declarations})` : ''} { ${declared.field}${call}${selection} }`;
    return { ...declared, document, variables };
  });
}
