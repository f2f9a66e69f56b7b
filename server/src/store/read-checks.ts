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
  /** The timeout asked (or the store's), when the caller's budget cut it to `timeoutMs`. */
  readonly cutFromMs?: number;
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
  const asked =
    options.timeoutMs === undefined ? storeTimeoutMs : integerIn('timeoutMs', options.timeoutMs, 1, storeTimeoutMs);
  const budget = options.budgetMs === undefined ? asked : Math.max(1, Math.floor(options.budgetMs));
  if (options.projection) {
    if (dialect !== 'embedded') throw invalidArgument('projection', 'projections are for the embedded engine only');
    for (const k of options.projection.nodes) {
      if (kindOf(k).system) throw invalidArgument('projection', `${k} is a system kind`);
    }
    for (const r of options.projection.rels) relationshipOf(r);
    if (options.projection.nodes.length === 0) throw invalidArgument('projection', 'needs at least one kind');
  }
  return budget < asked ? { rowCap, timeoutMs: budget, cutFromMs: asked } : { rowCap, timeoutMs: asked };
}

/** TIMEOUT with the bound that was hit, and why the engine may still be busy. */
export function readTimeout(checked: Pick<CheckedRead, 'timeoutMs' | 'cutFromMs'>, stillRunning: boolean): DomainError {
  const { timeoutMs, cutFromMs } = checked;
  const timeout =
    cutFromMs === undefined
      ? `its ${timeoutMs} ms timeout`
      : `${timeoutMs} ms, all that was left of this caller's server time for expensive operations ` +
        `(heavyTimeBudget; the timeout asked was ${cutFromMs} ms)`;
  return new DomainError(
    'TIMEOUT',
    stillRunning
      ? `the query ran past ${timeout}: answered at the deadline; the engine is still stopping it ` +
          'on an isolated connection (other requests keep answering)'
      : `the query ran past ${timeout} and was stopped`,
    { details: { bound: cutFromMs === undefined ? 'timeoutMs' : 'heavyTimeBudget', value: timeoutMs } },
  );
}
