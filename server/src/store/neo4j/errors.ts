/**
 * Driver and server errors mapped to domain errors, in one place. The code decides what the API and CLI
 * say; `retriable` tells callers whether trying again may help. Messages are one line: the driver's
 * own messages can be long and multi-line, and a credential never appears in them.
 */
import { DomainError, isDomainError, type ErrorCode } from '../../domain/errors.js';

/** The fields of a Neo4jError this module reads (structural, so tests can pass plain objects). */
interface DriverErrorLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly retryable?: unknown;
}

const firstLine = (text: string) => text.split('\n', 1)[0]?.trim() ?? '';

/** The useful part of a driver message: the "Caused by" reason when there is one, else the first line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String((error as DriverErrorLike)?.message ?? error);
  const caused = /Caused by: (.+)$/s.exec(message);
  const reason = firstLine(caused?.[1] ?? message)
    // Routing failures append the whole routing table; it says nothing to a user.
    .replace(/\s*Known routing table:.*$/, '')
    .replace(/[.\s]+$/, '');
  return reason || 'unknown error';
}

interface Rule {
  readonly test: (code: string, message: string) => boolean;
  readonly code: ErrorCode;
  readonly retriable: boolean;
}

const codeIs =
  (...codes: string[]) =>
  (code: string) =>
    codes.includes(code);
const codeStarts = (prefix: string) => (code: string) => code.startsWith(prefix);

// First match wins: specific codes before their families.
const RULES: readonly Rule[] = [
  { test: codeIs('ServiceUnavailable', 'SessionExpired'), code: 'UNAVAILABLE', retriable: true },
  {
    test: codeIs(
      'Neo.ClientError.Security.Unauthorized',
      'Neo.ClientError.Security.AuthenticationRateLimit',
      'Neo.ClientError.Security.CredentialsExpired',
      'Neo.ClientError.Security.TokenExpired',
    ),
    code: 'UNAUTHENTICATED',
    retriable: false,
  },
  { test: codeIs('Neo.ClientError.Security.AuthorizationExpired'), code: 'FORBIDDEN', retriable: true },
  { test: codeStarts('Neo.ClientError.Security.'), code: 'FORBIDDEN', retriable: false },
  { test: codeIs('Neo.ClientError.General.ForbiddenOnReadOnlyDatabase'), code: 'FORBIDDEN', retriable: false },
  {
    test: (code) => /^Neo\.(Client|Transient)Error\.Transaction\.TransactionTimedOut/.test(code),
    code: 'TIMEOUT',
    retriable: false,
  },
  {
    // A write that breaks a uniqueness constraint, or a constraint that cannot be created over duplicates.
    test: codeIs(
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      'Neo.DatabaseError.Schema.ConstraintCreationFailed',
    ),
    code: 'CONFLICT',
    retriable: false,
  },
  {
    test: codeIs(
      'Neo.TransientError.Transaction.DeadlockDetected',
      'Neo.TransientError.Transaction.LockAcquisitionTimeout',
      'Neo.TransientError.Transaction.ConstraintsChanged',
      'Neo.TransientError.Transaction.Outdated',
    ),
    code: 'CONFLICT',
    retriable: true,
  },
  {
    test: (code) => /MemoryLimit|OutOfMemory|MemoryPoolOutOfMemory/.test(code),
    code: 'LIMIT_EXCEEDED',
    retriable: false,
  },
  { test: codeIs('Neo.ClientError.Cluster.NotALeader'), code: 'UNAVAILABLE', retriable: true },
  { test: codeIs('Neo.ClientError.Database.DatabaseNotFound'), code: 'UNAVAILABLE', retriable: false },
  { test: codeStarts('Neo.TransientError.'), code: 'UNAVAILABLE', retriable: true },
  // The driver's own timeouts (pool acquisition, connection) carry no server code.
  {
    test: (code, message) => !code.startsWith('Neo.') && /timed? ?out/i.test(message),
    code: 'TIMEOUT',
    retriable: true,
  },
  // A Lucene query that does not parse or has too many words; luceneQuery escapes user text, so this
  // means an unusual input, not a fault here.
  {
    test: (code, message) =>
      code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && /ParseException|TooManyClauses/.test(message),
    code: 'INVALID_ARGUMENT',
    retriable: false,
  },
];

/**
 * A domain error for anything the driver or server threw. Domain errors pass through unchanged; what no
 * rule covers (a syntax error in a statement, a protocol error) is INTERNAL: a bug here, not the caller's.
 */
export function mapNeo4jError(error: unknown, operation: string): DomainError {
  if (isDomainError(error)) return error;
  const e = (error ?? {}) as DriverErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const reason = reasonOf(error);
  const rule = RULES.find((r) => r.test(code, reason));
  const mapped = rule?.code ?? 'INTERNAL';
  const retriable = rule ? rule.retriable : false;
  return new DomainError(mapped, `Neo4j ${operation} failed: ${reason}`, {
    retriable,
    details: { engine: 'neo4j', operation, ...(code ? { engineCode: code } : {}) },
    cause: error,
  });
}

/** The address without any `user:password@` part, safe to show. */
export const safeUri = (uri: string) => uri.replace(/\/\/[^/@]*@/, '//');

/** The one-line start-up failure: `cannot reach Neo4j at <uri>: <reason>`. */
export function unreachable(address: string, error: unknown): DomainError {
  const uri = safeUri(address);
  const mapped = mapNeo4jError(error, 'connect');
  // Wrong credentials or a missing database are reachable servers: say what is wrong, not "cannot reach".
  if (mapped.code === 'UNAUTHENTICATED' || mapped.code === 'FORBIDDEN') {
    return new DomainError(mapped.code, `Neo4j at ${uri} refused the credentials: ${reasonOf(error)}`, {
      details: { engine: 'neo4j', uri },
      cause: error,
    });
  }
  return new DomainError('UNAVAILABLE', `cannot reach Neo4j at ${uri}: ${reasonOf(error)}`, {
    retriable: true,
    details: { engine: 'neo4j', uri },
    cause: error,
  });
}
