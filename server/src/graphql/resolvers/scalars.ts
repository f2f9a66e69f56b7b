import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A scalar carried as a checked string; the error says which scalar and shows the value. */
function checkedString(name: string, description: string, valid: (s: string) => boolean, expected: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value))
      throw new GraphQLError(`${name}: ${JSON.stringify(value)} is not ${expected}`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${name}: expected a string literal, not ${node.kind}`);
      return check(node.value);
    },
  });
}

/** Exact decimals travel as strings: a float would round a 78-digit token amount. */
export const DecimalScalar = checkedString(
  'Decimal',
  'An exact decimal as a string',
  (s) => DECIMAL.test(s),
  'an exact decimal string (e.g. "12.50")',
);

export const DateTimeScalar = checkedString(
  'DateTime',
  'An instant as ISO 8601 UTC',
  (s) => DATETIME.test(s) && !Number.isNaN(Date.parse(s)),
  'an ISO 8601 UTC datetime (e.g. "2024-05-01T10:11:12.000Z")',
);

export const scalarResolvers: Resolvers = { Decimal: DecimalScalar, DateTime: DateTimeScalar };
