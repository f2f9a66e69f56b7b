/**
 * Kuzu errors as domain errors. Kuzu reports everything as a plain Error with a message, so the mapping
 * goes by message; the texts are those of 0.11.3 (quirks.test.ts shows each one).
 */
import { DomainError, isDomainError } from '../../domain/errors.js';

const rules: ReadonlyArray<readonly [RegExp, (m: string, path: string) => DomainError]> = [
  [
    /Only one write transaction at a time/i,
    (m) =>
      new DomainError('CONFLICT', 'another write is in progress; try again', {
        retriable: true,
        details: { engine: m },
      }),
  ],
  [/^Interrupted/i, () => new DomainError('TIMEOUT', 'the query ran past the query timeout and was stopped')],
  [
    /buffer pool is full|Unable to allocate memory/i,
    () =>
      new DomainError(
        'LIMIT_EXCEEDED',
        'the query needs more memory than the buffer pool allows (narrow it or raise bufferPoolBytes)',
      ),
  ],
  [
    /Could not set lock on file/i,
    (_m, path) =>
      new DomainError(
        'UNAVAILABLE',
        `embedded database ${path} is locked by another process (is a Ringtrace server running on it?)`,
      ),
  ],
];

export function mapKuzuError(error: unknown, path: string): DomainError {
  if (isDomainError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, make] of rules) {
    if (pattern.test(message)) {
      const mapped = make(message, path);
      return new DomainError(mapped.code, mapped.message, {
        retriable: mapped.retriable,
        details: mapped.details,
        cause: error,
      });
    }
  }
  return new DomainError('INTERNAL', `embedded database error: ${message.split('\n')[0]}`, { cause: error });
}

/** Kuzu's answer to ROLLBACK or COMMIT after a failed statement already rolled the transaction back. */
export const isNoActiveTransaction = (error: unknown) =>
  error instanceof Error && /No active transaction/i.test(error.message);
