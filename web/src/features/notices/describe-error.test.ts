import { describe, expect, it } from 'vitest';
import { describeError, isTransient } from './describe-error';

describe('describeError', () => {
  it('says the server did not answer, that it may be restarting, and that the scene is kept', () => {
    const problem = describeError(new TypeError('Failed to fetch'), 'expand Khimprom');
    expect(problem.title).toBe('Could not expand Khimprom: the server did not answer');
    expect(problem.next).toMatch(/restarting/);
    expect(problem.next).toMatch(/scene is kept/);
    expect(problem.retriable).toBe(true);
    const transport = Object.assign(
      new Error('cannot reach the server (it may be restarting): try again in a moment'),
      {
        code: 'UNAVAILABLE',
      },
    );
    expect(describeError(transport, 'search').title).toBe('Could not search: the server did not answer');
  });

  it("keeps the server's words and names what to do for each code", () => {
    const error = Object.assign(new Error('maxHops: 11 is out of range (allowed 1 to 10)'), {
      code: 'INVALID_ARGUMENT',
    });
    const problem = describeError(error, 'trace paths');
    expect(problem.detail).toBe('maxHops: 11 is out of range (allowed 1 to 10)');
    expect(problem.next).toMatch(/change what it names/);
    expect(problem.retriable).toBe(false);
    expect(describeError(Object.assign(new Error('x'), { code: 'TIMEOUT' }), 'expand').next).toMatch(/fewer hops/);
    expect(describeError(new Error('boom'), 'expand').next).toMatch(/report it/);
  });

  it('tells a rate limit (429) from a request too big', () => {
    const error = Object.assign(new Error('too many requests for this caller: … try again in 3 s'), {
      code: 'LIMIT_EXCEEDED',
      details: { bound: 'rate', limit: 'rateLimit', retryAfterSeconds: 3 },
    });
    expect(describeError(error, 'expand').next).toMatch(/wait a few seconds/);
    expect(describeError(Object.assign(new Error('x'), { code: 'LIMIT_EXCEEDED' }), 'expand').next).toMatch(
      /Ask for less/,
    );
  });

  it('tells a heavy query still running (429, bound concurrency) from a rate limit', () => {
    const error = Object.assign(new Error('expensive operations in flight for this caller: 1 at most'), {
      code: 'LIMIT_EXCEEDED',
      details: { bound: 'concurrency', limit: 'callerConcurrency', max: 1, retryAfterSeconds: 1 },
    });
    expect(describeError(error, 'run the query').next).toMatch(/still running/);
  });

  it('tells a spent server-time budget (429, bound serverTime) from the other limits', () => {
    const error = Object.assign(new Error("this caller's server time for expensive operations is spent"), {
      code: 'LIMIT_EXCEEDED',
      details: { bound: 'serverTime', limit: 'heavyTimeBudget', max: 5000, retryAfterSeconds: 40 },
    });
    expect(describeError(error, 'run the query').next).toMatch(/share of the server’s time/);
  });

  it('names the right a 403 needed and the least role holding it', () => {
    const error = Object.assign(new Error('forbidden'), {
      code: 'FORBIDDEN',
      details: { right: 'query:run', role: 'analyst' },
    });
    expect(describeError(error, 'run the query').next).toBe(
      'This needs the right “query:run” (role analyst or above). Ask the case administrator for a token with a role that holds it.',
    );
    expect(describeError(Object.assign(new Error('no'), { code: 'FORBIDDEN' }), 'x').next).toMatch(/administrator/);
  });

  it('treats gateway answers and UNAVAILABLE as transient, NOT_FOUND as final', () => {
    expect(isTransient(new Error('the server answered 503'))).toBe(true);
    expect(isTransient(Object.assign(new Error('busy'), { code: 'UNAVAILABLE' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('gone'), { code: 'NOT_FOUND' }))).toBe(false);
    expect(isTransient(new Error('the server answered 400'))).toBe(false);
  });
});
