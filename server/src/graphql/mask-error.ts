import type { ASTNode } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import { isDomainError } from '../domain/errors.js';

interface Located {
  readonly originalError?: unknown;
  readonly nodes?: ReadonlyArray<ASTNode>;
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * Expected failures (a DomainError: not found, invalid argument, timeout...) reach the client with
 * their message and `extensions.code`. Anything else is masked as "Unexpected error.": engine messages
 * can carry internals (queries, paths) that the client must not see. Yoga logs every error this
 * replaces; app.ts's logger tells the expected from the unexpected.
 * The error is inspected by shape, not `instanceof GraphQLError`: under a test runner or a bundler
 * `graphql` can be loaded twice (ESM and CJS), and yoga's copy is not ours.
 */
export function createMaskError(): MaskError {
  return (error, message, isDev) => {
    const located = (typeof error === 'object' && error !== null ? error : {}) as Located;
    const original = located.originalError ?? error;
    if (isDomainError(original) && original.code !== 'INTERNAL') {
      return createGraphQLError(original.message, {
        ...(located.nodes && { nodes: located.nodes }),
        ...(located.path && { path: located.path }),
        extensions: { code: original.code, ...(original.retriable && { retriable: true }) },
      });
    }
    // Yoga's own expected errors (syntax, validation) pass through unchanged.
    return yogaMaskError(error, message, isDev);
  };
}
