import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Caller } from '../../domain/access/caller.js';
import { leastRoleWith, type Right } from '../../domain/access/rights.js';

/**
 * 403 naming the right an operation needs and the least role holding it. It says nothing about the
 * graph: it is answered before anything runs. `http.status` is for yoga (it strips it from the body).
 */
export function forbidden(what: string, right: Right | undefined, caller: Caller): GraphQLError {
  if (right === undefined) {
    return createGraphQLError(`${what} declares no right (@requires): refused for everyone`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  const role = leastRoleWith(right);
  return createGraphQLError(`${what} needs the right ${right} (role ${role} or above); you are ${caller.role}`, {
    extensions: { code: 'FORBIDDEN', right, role, http: { status: 403 } },
  });
}
