/**
 * The read-only guard for saved and ad-hoc queries, on both dialects. A query passes only if it is one
 * statement that starts with a read clause, names no clause outside the read allowlist, CALLs only
 * allowlisted procedures, calls no plugin or state-changing function, and is statically bounded where an
 * engine cannot stop it (`range()` with literal bounds, variable-length patterns with an upper bound).
 * The Neo4j dialect is also checked on Neo4j's own parse tree (neo4j-tree.ts). The adapters run the guard
 * before every raw read, so no caller can skip it; on Neo4j the read also runs in a READ transaction.
 */
import {
  ALLOWED_FUNCTION_NAMESPACES,
  ALLOWED_PROCEDURES,
  DEFAULT_GUARD_LIMITS,
  FIRST_WORDS,
  REFUSED_FUNCTIONS,
  REFUSED_PROCEDURE_FAMILIES,
  REFUSED_WORDS,
  type Dialect,
  type GuardLimits,
} from './guard-rules.js';
import { checkNeo4jTree } from './neo4j-tree.js';
import { closingIndex, tokenize, TokenizeError, type Token } from './tokens.js';

export type { Dialect, GuardLimits } from './guard-rules.js';

export interface Refusal {
  /** FORBIDDEN: not a read; LIMIT_EXCEEDED: not statically bounded; INVALID_ARGUMENT: not one parsable query. */
  readonly code: 'FORBIDDEN' | 'LIMIT_EXCEEDED' | 'INVALID_ARGUMENT';
  /** The clause, procedure, function or construct at fault, e.g. `CREATE`, `CALL apoc.load.json`, `range()`. */
  readonly clause: string;
  readonly reason: string;
  readonly line: number;
  readonly column: number;
}

/** `<clause> refused at line L, column C: <reason>`. */
export const describeRefusal = (r: Refusal) => `${r.clause} refused at line ${r.line}, column ${r.column}: ${r.reason}`;

const refuse = (
  code: Refusal['code'],
  clause: string,
  reason: string,
  at: Pick<Token, 'line' | 'column'>,
): Refusal => ({
  code,
  clause,
  reason,
  line: at.line,
  column: at.column,
});

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;
const isWord = (t: Token | undefined, upper: string) => t?.kind === 'word' && t.upper === upper;

/** A word used as a property key (`n.set`), a label (`:Set`) or a map key (`{set: 1}`) is not a keyword. */
function isKeywordPosition(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  if (isPunct(before, '.') || isPunct(before, ':') || isPunct(before, '::')) return false;
  const after = tokens[k + 1];
  if (isPunct(after, ':') && (isPunct(before, '{') || isPunct(before, ','))) return false;
  return true;
}

/** `ns.name.more` starting at k (words or backticked names joined by dots): the parts and the next index. */
function dottedName(tokens: readonly Token[], k: number): { parts: string[]; next: number } {
  const parts: string[] = [];
  let j = k;
  while (tokens[j] && (tokens[j]!.kind === 'word' || tokens[j]!.kind === 'name')) {
    parts.push(tokens[j]!.text);
    if (!isPunct(tokens[j + 1], '.')) return { parts, next: j + 1 };
    j += 2;
  }
  return { parts, next: j };
}

function checkCall(tokens: readonly Token[], k: number, dialect: Dialect): Refusal | null {
  const call = tokens[k]!;
  const next = tokens[k + 1];
  if (isPunct(next, '{')) {
    return dialect === 'neo4j' ? null : refuse('INVALID_ARGUMENT', 'CALL { }', 'Kuzu has no CALL subqueries', call);
  }
  if (isPunct(next, '(')) {
    // Neo4j's scoped subquery `CALL (x) { ... }`; its body is checked like the rest of the text.
    const close = closingIndex(tokens, k + 1);
    if (dialect === 'neo4j' && close > 0 && isPunct(tokens[close + 1], '{')) return null;
    return refuse('FORBIDDEN', 'CALL', 'CALL must name an allowlisted procedure', call);
  }
  const { parts, next: after } = dottedName(tokens, k + 1);
  const name = parts.join('.');
  if (parts.length === 0) return refuse('FORBIDDEN', 'CALL', 'CALL must name an allowlisted procedure', call);
  const clause = `CALL ${name}`;
  if (isPunct(tokens[after], '=')) {
    return refuse('FORBIDDEN', clause, 'CALL <option> = <value> changes an engine setting', call);
  }
  const allowed = ALLOWED_PROCEDURES[dialect];
  if (!Object.hasOwn(allowed, name.toLowerCase())) {
    const family = REFUSED_PROCEDURE_FAMILIES[parts[0]!.toLowerCase()];
    const list = Object.keys(allowed).join(', ');
    return refuse('FORBIDDEN', clause, `${family ?? 'not an allowlisted procedure'} (allowed: ${list})`, call);
  }
  if (!isPunct(tokens[after], '(')) {
    return refuse('INVALID_ARGUMENT', clause, 'an allowlisted procedure is called with its arguments in ( )', call);
  }
  return null;
}

/** An integer literal (optionally negative) starting at k: its value and the next index, or null. */
function integerLiteral(tokens: readonly Token[], k: number): { value: number; next: number } | null {
  let sign = 1;
  let j = k;
  if (isPunct(tokens[j], '-')) {
    sign = -1;
    j++;
  }
  const t = tokens[j];
  if (t?.kind !== 'number') return null;
  const value = Number(t.text.replace(/_/g, ''));
  return Number.isSafeInteger(value) ? { value: sign * value, next: j + 1 } : null;
}

/** `range(a, b[, step])` must have literal bounds and at most `maxRangeElements` elements; adds them to `total`. */
function checkRange(tokens: readonly Token[], k: number, limits: GuardLimits, total: { n: number }): Refusal | null {
  const at = tokens[k]!;
  const literal = `range() needs whole-number literal bounds giving at most ${limits.maxRangeElements} elements`;
  const args: number[] = [];
  let j = k + 2;
  for (;;) {
    const n = integerLiteral(tokens, j);
    if (!n) {
      return refuse(
        'LIMIT_EXCEEDED',
        'range()',
        `${literal}: computed or parameter bounds can build a list the engine cannot stop`,
        at,
      );
    }
    args.push(n.value);
    j = n.next;
    if (isPunct(tokens[j], ',')) j++;
    else if (isPunct(tokens[j], ')')) break;
    else return refuse('LIMIT_EXCEEDED', 'range()', literal, at);
  }
  if (args.length < 2 || args.length > 3)
    return refuse('INVALID_ARGUMENT', 'range()', 'range() takes 2 or 3 arguments', at);
  const [start, end, step = 1] = args as [number, number, number?];
  if (step === 0) return refuse('INVALID_ARGUMENT', 'range()', 'range() step must not be 0', at);
  const count = Math.max(0, Math.floor((end - start) / step) + 1);
  if (count > limits.maxRangeElements) {
    return refuse('LIMIT_EXCEEDED', 'range()', `${literal}; this one gives ${count}`, at);
  }
  total.n += count;
  if (total.n > limits.maxRangeTotal) {
    return refuse(
      'LIMIT_EXCEEDED',
      'range()',
      `the range() calls of one query give at most ${limits.maxRangeTotal} elements together`,
      at,
    );
  }
  return null;
}

/**
 * A relationship pattern `-[ ... * ... ]-`: a `*` at its top level must carry an upper bound within the
 * limits (Kuzu's `* SHORTEST` / `* ALL SHORTEST` are breadth-first and get the larger bound).
 */
function checkVarLength(tokens: readonly Token[], open: number, limits: GuardLimits): Refusal | null {
  const close = closingIndex(tokens, open);
  const end = close === -1 ? tokens.length : close;
  let depth = 0;
  for (let k = open + 1; k < end; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && ['(', '[', '{'].includes(t.text)) depth++;
    if (t.kind === 'punct' && [')', ']', '}'].includes(t.text)) depth--;
    if (depth !== 0 || !isPunct(t, '*')) continue;
    let j = k + 1;
    let shortest = false;
    while (
      tokens[j]?.kind === 'word' &&
      ['SHORTEST', 'ALL', 'TRAIL', 'ACYCLIC', 'WSHORTEST'].includes(tokens[j]!.upper)
    ) {
      if (tokens[j]!.upper === 'SHORTEST') shortest = true;
      if (tokens[j]!.upper === 'WSHORTEST')
        return refuse('FORBIDDEN', 'WSHORTEST', 'weighted shortest paths are not allowlisted', t);
      j++;
    }
    const max = shortest ? limits.maxShortestHops : limits.maxHops;
    const lower = tokens[j]?.kind === 'number' ? Number(tokens[j]!.text) : undefined;
    if (lower !== undefined) j++;
    let upper: number | undefined;
    if (isPunct(tokens[j], '..')) {
      upper = tokens[j + 1]?.kind === 'number' ? Number(tokens[j + 1]!.text) : undefined;
    } else {
      upper = lower; // `*3` is exactly three hops
    }
    if (upper === undefined || !Number.isSafeInteger(upper)) {
      return refuse(
        'LIMIT_EXCEEDED',
        'variable-length pattern',
        `a variable-length pattern needs an upper bound of at most ${max} hops, e.g. *1..${Math.min(4, max)}`,
        t,
      );
    }
    if (upper > max) {
      return refuse('LIMIT_EXCEEDED', 'variable-length pattern', `at most ${max} hops, got ${upper}`, t);
    }
  }
  return null;
}

/** The guard. `null`: the query may run. */
export function checkReadOnly(
  text: string,
  dialect: Dialect,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
  options: { readonly neo4jTree?: boolean } = {},
): Refusal | null {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof TokenizeError) {
      return refuse('INVALID_ARGUMENT', 'query', error.message.replace(/ at line.*$/, ''), error);
    }
    throw error;
  }
  while (isPunct(tokens[tokens.length - 1], ';')) tokens.pop();
  const first = tokens[0];
  if (!first) return refuse('INVALID_ARGUMENT', 'query', 'the query is empty', { line: 1, column: 1 });
  const semicolon = tokens.find((t) => isPunct(t, ';'));
  if (semicolon) return refuse('INVALID_ARGUMENT', ';', 'one statement per query', semicolon);
  if (first.kind !== 'word' || !FIRST_WORDS.has(first.upper)) {
    const known = first.kind === 'word' ? REFUSED_WORDS[first.upper] : undefined;
    const clause = first.kind === 'word' ? first.upper : first.text;
    return refuse(
      'FORBIDDEN',
      clause,
      known ?? `a query starts with ${[...FIRST_WORDS].join(', ')}; other statements are not reads`,
      first,
    );
  }

  const rangeTotal = { n: 0 };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'word' && isKeywordPosition(tokens, k)) {
      const reason = REFUSED_WORDS[t.upper];
      if (reason) return refuse('FORBIDDEN', t.upper, reason, t);
      if (t.upper === 'CALL') {
        const refusal = checkCall(tokens, k, dialect);
        if (refusal) return refusal;
      }
    }
    // Function calls: `name(` or `ns.name(` that is not a procedure after CALL.
    if ((t.kind === 'word' || t.kind === 'name') && !isPunct(tokens[k - 1], '.') && !isWord(tokens[k - 1], 'CALL')) {
      const { parts, next } = dottedName(tokens, k);
      if (isPunct(tokens[next], '(')) {
        const name = parts.join('.');
        const fn = parts[parts.length - 1]!.toLowerCase();
        if (parts.length > 1 && !ALLOWED_FUNCTION_NAMESPACES.has(parts[0]!.toLowerCase())) {
          return refuse(
            'FORBIDDEN',
            `${name}()`,
            `namespaced functions are limited to ${[...ALLOWED_FUNCTION_NAMESPACES].join(', ')} (plugins such as APOC can read files and URLs)`,
            t,
          );
        }
        const refused = REFUSED_FUNCTIONS[fn];
        if (refused) return refuse('FORBIDDEN', `${name}()`, refused, t);
        if (parts.length === 1 && fn === 'range') {
          const refusal = checkRange(tokens, k, limits, rangeTotal);
          if (refusal) return refusal;
        }
      }
    }
    // A relationship pattern opens with `-[` or `<-[`.
    if (isPunct(t, '[') && (isPunct(tokens[k - 1], '-') || isPunct(tokens[k - 1], '<-'))) {
      const refusal = checkVarLength(tokens, k, limits);
      if (refusal) return refusal;
    }
  }
  return dialect === 'neo4j' && options.neo4jTree !== false ? checkNeo4jTree(text, limits) : null;
}
