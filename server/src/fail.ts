import { isDomainError } from './domain/errors.js';

/** The reason for a failure in one line: a DomainError's own message, anything else marked unexpected. */
export function oneLineReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n', 1)[0]?.trim() || 'unknown error';
  return isDomainError(error) ? line : `unexpected error: ${line}`;
}

/**
 * Ends the process after a failure: one line on stderr, exit code 1, no stack trace
 * (LOG_LEVEL=debug logs the details through the logger, when the caller passes one).
 */
export function fail(error: unknown, logDetails?: (error: unknown) => void): never {
  logDetails?.(error);
  process.stderr.write(`ringtrace: ${oneLineReason(error)}\n`);
  process.exit(1);
}
