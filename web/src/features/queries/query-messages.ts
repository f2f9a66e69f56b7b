/**
 * Words for what a run hit and why one failed: the row cap and the subgraph's caps, a timeout, a clause
 * the read-only runner refused (its name, line and column, and why), a wrong parameter, a query name
 * the server does not know. Pure: reads the error's `code` and message only.
 */
import type { Truncation } from '../../scene/types';

export interface BoundsInput {
  readonly truncated: readonly Truncation[];
  readonly subgraph: { readonly truncated?: readonly Truncation[] };
}

const count = (n: number) => n.toLocaleString('en-US');

/** "1 link", "2 links". */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

const BOUND_WORDS: Readonly<Record<string, (t: Truncation) => string>> = {
  rowCap: (t) =>
    `Rows capped at ${count(t.value)}: ${count(t.omitted)} more left out. Raise “Rows ≤” or narrow the query.`,
  subgraphEntities: (t) =>
    `The canvas gets the first ${count(t.value)} entities the rows name: ${count(t.omitted)} more are only in the table.`,
  subgraphLinks: (t) =>
    `${count(t.omitted)} links the rows name are not drawn (cap ${count(t.value)}, or their ends were cut).`,
};

/** One sentence per bound the run hit; empty when nothing was left out. */
export function describeQueryBounds(answer: BoundsInput): string[] {
  return [...answer.truncated, ...(answer.subgraph.truncated ?? [])]
    .filter((t) => t.omitted > 0)
    .map((t) => BOUND_WORDS[t.bound]?.(t) ?? `Capped by ${t.bound} at ${count(t.value)}: ${count(t.omitted)} more.`);
}

export interface QueryProblem {
  /** One line: what happened. */
  readonly title: string;
  /** The server's own words. */
  readonly detail: string;
  readonly next: string;
  /** For a refused clause: which, where and why. */
  readonly refusal?: {
    readonly clause: string;
    readonly line: number;
    readonly column: number;
    readonly why: string;
  };
  /** A bound hit rather than a broken query (the timeout). */
  readonly bound: boolean;
}

const REFUSAL = /^(.+?) refused at line (\d+), column (\d+): (.+)$/s;

const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};
const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

/** `timeoutMs`: what the run asked for (absent: the server's own timeout). */
export function describeQueryError(error: unknown, timeoutMs?: number): QueryProblem {
  const code = codeOf(error);
  const detail = messageOf(error);
  const refused = REFUSAL.exec(detail);
  if (refused && (code === 'FORBIDDEN' || code === 'LIMIT_EXCEEDED')) {
    const [, clause = '', line = '0', column = '0', why = ''] = refused;
    return {
      title: `Refused: ${clause}`,
      detail: why,
      next:
        code === 'FORBIDDEN'
          ? 'Queries here only read: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN and the allowed procedures.'
          : 'Give it an upper bound (a hop count like *..6, literal range() bounds) and run it again.',
      refusal: { clause, line: Number(line), column: Number(column), why },
      bound: false,
    };
  }
  switch (code) {
    case 'TIMEOUT':
      return {
        title: `Stopped at the timeout${timeoutMs ? ` of ${timeoutMs / 1000} s` : ' (the server’s query timeout)'}`,
        detail,
        next: 'Nothing was returned. Narrow the query (fewer hops, a LIMIT, a tighter pattern) or allow it more time.',
        bound: true,
      };
    case 'INVALID_ARGUMENT':
      return {
        title: 'The server refused the query or its parameters',
        detail,
        next: 'Change what the message names and run it again.',
        bound: false,
      };
    case 'NOT_FOUND':
      return { title: 'No such saved query', detail, next: 'Pick one from the library.', bound: false };
    case 'UNAVAILABLE':
      return {
        title: 'The server did not answer',
        detail,
        next: 'It may be restarting or busy with other queries; try again in a moment.',
        bound: false,
      };
    default:
      return {
        title: 'The query failed',
        detail,
        next: 'Try again; if it keeps failing, report the message above.',
        bound: false,
      };
  }
}
