/**
 * Retries an API call while the server is away (restarting, a deploy, a busy engine) with exponential
 * backoff, so a restart costs the investigator a pause rather than an error. Only transient failures
 * are retried: a refused argument or a missing entity fails at once.
 */

import { isTransient } from '../features/notices/describe-error';

export interface RetryOptions {
  readonly attempts?: number;
  readonly baseMs?: number;
  readonly signal?: AbortSignal;
  /** Told before each wait, e.g. to show "reconnecting…". */
  readonly onRetry?: (attempt: number, error: unknown) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 10;
  const baseMs = options.baseMs ?? 400;
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error) || options.signal?.aborted) throw error;
      options.onRetry?.(attempt, error);
      await sleep(Math.min(baseMs * 2 ** (attempt - 1), 5000));
    }
  }
}
