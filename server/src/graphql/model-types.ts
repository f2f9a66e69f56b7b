/**
 * The GraphQL types of the model's kinds, generated from the model when the schema is built: one
 * concrete type per kind implementing `Entity`, with one typed field per property. The model is the
 * single definition; the hand-written SDL files (schema/*.graphql) hold everything else.
 */
import { model, type KindDef, type PropertyType } from '../domain/model/index.js';
import type { Entity } from '../domain/graph.js';
import type { GraphQLContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { entityView } from './resolvers/redaction.js';

const GRAPHQL_TYPES: Record<PropertyType, string> = {
  string: 'String',
  int: 'Int',
  float: 'Float',
  boolean: 'Boolean',
  // Dates cross the port as YYYY-MM-DD strings; a Date scalar can come when a client needs one.
  date: 'String',
  datetime: 'DateTime',
  decimal: 'Decimal',
  'string[]': '[String!]',
};

/** Fields of the `Entity` interface; a kind's property must not take one of these names. */
export const ENTITY_INTERFACE_FIELDS = ['id', 'kind', 'caption', 'properties', 'withheld', 'sources'] as const;

const INTERFACE_SDL = `  id: ID!
  kind: String!
  caption: String!
  properties: JSON!
  withheld: [String!]!
  sources: [Source!]!`;

/** SDL descriptions are block strings; a description may not end a block early. */
const describe = (text: string, indent = '') => `${indent}"""${text.replaceAll('"""', '\\"""')}"""\n`;

function typeOf(kind: KindDef): string {
  const fields = Object.entries(kind.properties).map(([name, def]) => {
    if ((ENTITY_INTERFACE_FIELDS as readonly string[]).includes(name))
      throw new Error(`model: ${kind.name}.${name} clashes with a field of the Entity interface`);
    const values = def.values ? ` One of: ${def.values.join(', ')}.` : '';
    return `${describe(`${def.description}.${values}`.replace('..', '.'), '  ')}  ${name}: ${GRAPHQL_TYPES[def.type]}`;
  });
  return `${describe(kind.description)}type ${kind.name} implements Entity {\n${INTERFACE_SDL}\n${fields.join('\n')}\n}\n`;
}

/** The SDL of every kind's type. */
export function modelTypeDefs(): string {
  return model.kinds.map(typeOf).join('\n');
}

type FieldResolver = (entity: Entity, args: unknown, context: GraphQLContext) => unknown;

/**
 * Each kind's caption, properties and typed fields (unset: null), all read from the entity as this
 * request's caller may see it: personal values withheld without `personal:read` (listed in `withheld`).
 */
export function modelTypeResolvers(): Resolvers {
  const shared: Array<[string, FieldResolver]> = [
    ['caption', (e, _, context) => entityView(e, context).caption],
    ['properties', (e, _, context) => entityView(e, context).properties],
    ['withheld', (e, _, context) => entityView(e, context).withheld],
  ];
  const perKind = model.kinds.map((kind) => {
    const fields = Object.keys(kind.properties).map((name): [string, FieldResolver] => [
      name,
      (e, _, context) => entityView(e, context).properties[name] ?? null,
    ]);
    return [kind.name, Object.fromEntries([...shared, ...fields])];
  });
  // Built from the model at run time, so typed as a whole: the generated types list the same fields.
  return Object.fromEntries(perKind) as Resolvers;
}
