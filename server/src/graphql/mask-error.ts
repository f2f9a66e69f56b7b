import type { ASTNode } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import { isDomainError, type DomainError } from '../domain/errors.js';
import { limitError } from './limits/limit-error.js';

interface Located {
  readonly message?: unknown;
  readonly originalError?: unknown;
  readonly cause?: unknown;
  readonly nodes?: ReadonlyArray<ASTNode>;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: unknown; readonly http?: { readonly status?: unknown } };
}

export interface MaskErrorOptions {
  /** The body cap, named when yoga refuses a body: its own "Request body too large" does not say the size. */
  readonly maxBodyBytes: number;
  /** The header CSRF prevention asks of GETs and form posts, named in the refusal. */
  readonly csrfHeader: string;
}

/**
 * Details a client may act on (which argument, which id, which clause, which bound); anything else in
 * a DomainError's details (engine names, server addresses) stays in the log.
 */
const PUBLIC_DETAILS = ['argument', 'id', 'clause', 'line', 'column', 'bound', 'value', 'suggestions'] as const;

function publicDetails(domain: DomainError): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const key of PUBLIC_DETAILS) if (domain.details[key] !== undefined) shown[key] = domain.details[key];
  return shown;
}

const asLocated = (value: unknown): Located => (typeof value === 'object' && value !== null ? value : {});

/**
 * The DomainError behind an error: the resolver's own (`originalError`), or the reason an aborted
 * execution gives (`cause`). The first one found decides; a few levels at most.
 */
function domainErrorIn(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let level = 0; level < 4 && current !== undefined && current !== null; level++) {
    if (isDomainError(current)) return current;
    const located = asLocated(current);
    current = located.originalError ?? located.cause;
  }
  return undefined;
}

/**
 * Expected failures (a DomainError: not found, invalid argument, timeout...) reach the client with
 * their message and `extensions.code`. Anything else is masked as "Unexpected error.": engine messages
 * can carry internals (queries, paths) that the client must not see, and nothing of the original
 * (message, stack) is added whatever NODE_ENV says. Yoga logs every error this replaces; app.ts's
 * logger tells the expected from the unexpected.
 * Two of yoga's own refusals get a clearer message: the body cap (LIMIT_EXCEEDED naming the limit) and
 * CSRF prevention (naming the header); a variable of the wrong type gets the code INVALID_ARGUMENT.
 * Errors the API built itself (limits, syntax, validation) pass unchanged.
 * The error is inspected by shape, not `instanceof GraphQLError`: under a test runner or a bundler
 * `graphql` can be loaded twice (ESM and CJS), and yoga's copy is not ours.
 */
export function createMaskError({ maxBodyBytes, csrfHeader }: MaskErrorOptions): MaskError {
  return (error, message) => {
    const located = asLocated(error);
    const domain = domainErrorIn(error);
    if (domain && domain.code !== 'INTERNAL') {
      return createGraphQLError(domain.message, {
        ...(located.nodes && { nodes: located.nodes }),
        ...(located.path && { path: located.path }),
        extensions: { code: domain.code, ...publicDetails(domain), ...(domain.retriable && { retriable: true }) },
      });
    }
    if (located.extensions?.code === 'REQUEST_ENTITY_TOO_LARGE') {
      return limitError(
        'maxBodyBytes',
        maxBodyBytes,
        `the request body is larger than ${maxBodyBytes} bytes, the limit (maxBodyBytes)`,
        { status: 413 },
      );
    }
    if (located.extensions?.http?.status === 403 && /CSRF/.test(String(located.message))) {
      return createGraphQLError(
        `a GET or a form POST to /graphql needs the header ${csrfHeader} (CSRF prevention); a JSON POST does not`,
        { extensions: { code: 'BAD_REQUEST', http: { status: 403 } } },
      );
    }
    // graphql's variable coercion errors ("Variable "$at" got invalid value ...") carry no code.
    if (located.extensions?.code === undefined && /^Variable "\$\w+"/.test(String(located.message))) {
      return createGraphQLError(String(located.message), {
        ...(located.nodes && { nodes: located.nodes }),
        extensions: { ...located.extensions, code: 'INVALID_ARGUMENT' },
      });
    }
    // isDev false: yoga would otherwise add the original error and its stack when NODE_ENV=development.
    return yogaMaskError(error, message, false);
  };
}
