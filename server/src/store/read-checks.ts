/**
 * The checks every adapter's `runRead` makes before it reaches its engine, so both refuse the same
 * queries in the same words: the read-only guard for the store's dialect, the parameters (exactly those
 * the query uses, of bindable types), the row cap and the timeout. Engine-free.
 */
import { checkReadOnly, describeRefusal, paramValuesProblem, type Dialect } from '@ringtrace/cypher/queries/index.js';
import { DomainError, invalidArgument } from '../domain/errors.js';
import { kindOf, relationshipOf } from '../domain/model/index.js';
import { integerIn } from './arguments.js';
import { MAX_READ_ROW_CAP, type ReadOptions } from './port.js';

export interface CheckedRead {
  readonly rowCap: number;
  readonly timeoutMs: number;
}

/** Throws a DomainError naming what is refused; returns the effective bounds. */
export function checkRead(
  dialect: Dialect,
  cypher: unknown,
  params: unknown,
  options: ReadOptions,
  storeTimeoutMs: number,
): CheckedRead {
  if (typeof cypher !== 'string') throw invalidArgument('query', 'must be a string of Cypher');
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalidArgument('params', 'must be a map of parameter names to values');
  }
  const refusal = checkReadOnly(cypher, dialect);
  if (refusal) {
    throw new DomainError(refusal.code, describeRefusal(refusal), {
      details: { clause: refusal.clause, line: refusal.line, column: refusal.column },
    });
  }
  const problem = paramValuesProblem(cypher, params as Record<string, unknown>);
  if (problem) throw invalidArgument('params', problem);
  const rowCap = integerIn('rowCap', options.rowCap, 1, MAX_READ_ROW_CAP);
  const timeoutMs =
    options.timeoutMs === undefined ? storeTimeoutMs : integerIn('timeoutMs', options.timeoutMs, 1, storeTimeoutMs);
  if (options.projection) {
    if (dialect !== 'embedded') throw invalidArgument('projection', 'projections are for the embedded engine only');
    for (const k of options.projection.nodes) {
      if (kindOf(k).system) throw invalidArgument('projection', `${k} is a system kind`);
    }
    for (const r of options.projection.rels) relationshipOf(r);
    if (options.projection.nodes.length === 0) throw invalidArgument('projection', 'needs at least one kind');
  }
  return { rowCap, timeoutMs };
}

/** TIMEOUT with the bound that was hit, and why the engine may still be busy. */
export function readTimeout(timeoutMs: number, stillRunning: boolean): DomainError {
  return new DomainError(
    'TIMEOUT',
    stillRunning
      ? `the query ran past its ${timeoutMs} ms timeout: answered at the deadline; the engine is still stopping it ` +
          'on an isolated connection (other requests keep answering)'
      : `the query ran past its ${timeoutMs} ms timeout and was stopped`,
    { details: { bound: 'timeoutMs', value: timeoutMs } },
  );
}
