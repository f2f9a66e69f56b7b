import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDomainError } from '../domain/errors.js';

/**
 * Expected failures (a DomainError: not found, invalid argument, timeout...) reach the client with
 * their message and `extensions.code`. Anything else is logged and masked as "Unexpected error.":
 * engine messages can carry internals (queries, paths) that the client must not see.
 */
export function createMaskError(logger: Logger): MaskError {
  return (error, message, isDev) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (isDomainError(original) && original.code !== 'INTERNAL') {
      const located = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(original.message, {
        ...(located && {
          nodes: located.nodes,
          source: located.source,
          positions: located.positions,
          path: located.path,
        }),
        extensions: { code: original.code, ...(original.retriable && { retriable: true }) },
      });
    }
    // Yoga passes its own expected errors (syntax, validation) through unchanged; only log the rest.
    const masked = yogaMaskError(error, message, isDev);
    if (masked !== error) logger.error({ err: original }, 'unexpected error while answering a GraphQL request');
    return masked;
  };
}
