/**
 * For the fuzzing and injection tests: every root field of the schema as an operation to send, built
 * from the schema itself (so a field added later is covered without editing the tests): its arguments as
 * variables with their declared types, and a selection of every leaf field a few levels deep, with each
 * entity kind's own fields (personal ones included, so a leak would show).
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The schema as codegen printed it (src/graphql/generated/schema.graphql, checked fresh by a test), built
 * with this module's graphql: the executable schema's types come from @graphql-tools' copy of graphql,
 * whose instances graphql's predicates here do not recognise.
 */
export function servedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('../graphql/generated/schema.graphql', import.meta.url), 'utf8'));
}

export interface RootField {
  readonly operation: 'query' | 'mutation';
  readonly name: string;
  readonly args: readonly GraphQLArgument[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly field: GraphQLField<any, any>;
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const out: RootField[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {}))
      out.push({ operation, name: field.name, args: field.args, field });
  }
  return out;
}

/** The argument's named type and whether it is a list (of that type) at its outermost level. */
export function argumentShape(type: GraphQLInputType): { named: string; list: boolean; nonNull: boolean } {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  return { named: getNamedType(type).name, list: isListType(inner), nonNull };
}

const MAX_DEPTH = 3;

/** A selection set for a type (empty for a leaf): every leaf field, object fields to MAX_DEPTH, no fields with required arguments. */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth = 1): string {
  if (isLeafType(type)) return '';
  if (isInterfaceType(type)) {
    const own = fieldsOf(schema, type.getFields(), depth);
    const kinds = schema
      .getPossibleTypes(type)
      .map((t) => `... on ${t.name} { ${leafFields(t.getFields()).join(' ')} }`);
    return `{ __typename ${own} ${kinds.join(' ')} }`;
  }
  if (isObjectType(type)) return `{ __typename ${fieldsOf(schema, type.getFields(), depth)} }`;
  return '{ __typename }';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, GraphQLField<any, any>>;

const leafFields = (fields: Fields) =>
  Object.values(fields)
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);

function fieldsOf(schema: GraphQLSchema, fields: Fields, depth: number): string {
  return Object.values(fields)
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .flatMap((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return [f.name];
      if (depth >= MAX_DEPTH) return [];
      return [`${f.name} ${selectionFor(schema, named, depth + 1)}`];
    })
    .join(' ');
}

/** `query Q($name: Type, ...) { field(name: $name, ...) { selection } }` for the arguments given. */
export function documentFor(schema: GraphQLSchema, root: RootField, given: readonly string[]): string {
  const args = root.args.filter((a) => given.includes(a.name));
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = selectionFor(schema, getNamedType(root.field.type));
  return `${root.operation} Op${declared ? `(${declared})` : ''} { ${root.name}${passed ? `(${passed})` : ''} ${selection} }`;
}

/** What no answer may hold: a stack frame, a source path or a module path. */
export const INTERNALS = [
  /\bat .+:\d+:\d+/,
  /\/work\//,
  /node_modules/,
  /file:\/\//,
  /\.[cm]?[jt]s:\d+/,
  /\/home\//,
  /\/tmp\//,
];

export const internalIn = (text: string): RegExp | undefined => INTERNALS.find((pattern) => pattern.test(text));
