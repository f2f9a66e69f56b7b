import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { LimitName } from './values.js';

/**
 * A request refused by a limit, as the client sees it: `extensions.code` LIMIT_EXCEEDED (TIMEOUT for
 * the operation timeout) with the limit's name and value, so a script can tell which one to respect.
 * `http` is for yoga (it strips it from the body): `status` sets the response status, and `spec: true`
 * tells it the status is the GraphQL-over-HTTP spec's, which a legacy `application/json` answer replaces by 200.
 */
export function limitError(
  limit: LimitName,
  max: number,
  message: string,
  {
    code = 'LIMIT_EXCEEDED',
    status,
    spec,
  }: { code?: 'LIMIT_EXCEEDED' | 'TIMEOUT'; status?: number; spec?: boolean } = {},
): GraphQLError {
  const http = { ...(status !== undefined && { status }), ...(spec && { spec }) };
  return createGraphQLError(message, {
    extensions: { code, limit, max, ...(Object.keys(http).length > 0 && { http }) },
  });
}
