/** Domain errors carry a stable code; the API maps them to `extensions.code`, the CLI to a one-line reason. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'LIMIT_EXCEEDED'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INTERNAL';

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Transient failures (a busy writer, a lost connection) may be retried by the caller. */
  readonly retriable: boolean;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retriable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.details = options.details ?? {};
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} not found: ${id}`, { details: { id } });
export const invalidArgument = (argument: string, reason: string) =>
  new DomainError('INVALID_ARGUMENT', `${argument}: ${reason}`, { details: { argument } });
export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
