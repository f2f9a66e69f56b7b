/**
 * A Cypher tokenizer for both dialects (Neo4j and Kuzu), for the read-only guard. It only has to be right
 * about what is NOT code: string literals, comments and backticked names never produce a keyword, so
 * `RETURN 'CREATE'` or `` RETURN n.`delete` `` are not mistaken for clauses. Anything it cannot close
 * (a string, a comment, a backticked name) is an error rather than a guess.
 */

export type TokenKind = 'word' | 'name' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Source text; for `name` (backticked) and `string` the unquoted value. */
  readonly text: string;
  /** Upper-cased text of a `word`, for keyword comparison. */
  readonly upper: string;
  /** 1-based position of the token's first character. */
  readonly line: number;
  readonly column: number;
}

export class TokenizeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
    this.name = 'TokenizeError';
  }
}

// Longest first: `..` before `.`, `->` before `-`.
const MULTI = ['..', '->', '<-', '<>', '<=', '>=', '=~', '+=', '!=', '::', '||'];
const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number) => at - lineStart + 1;
  /** Advances over text[i..end), counting newlines. */
  const advance = (end: number) => {
    for (; i < end; i++) {
      if (text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  };
  const push = (kind: TokenKind, raw: string, value: string, l: number, c: number) =>
    tokens.push({ kind, text: value, upper: kind === 'word' ? raw.toUpperCase() : '', line: l, column: c });

  while (i < text.length) {
    const ch = text[i]!;
    const l = line;
    const c = col(i);
    if (/\s/.test(ch)) {
      advance(i + 1);
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      advance(end === -1 ? text.length : end);
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new TokenizeError('unterminated comment', l, c);
      advance(end + 2);
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let value = '';
      for (; j < text.length && text[j] !== ch; j++) {
        if (text[j] === '\\') j++;
        value += text[j] ?? '';
      }
      if (j >= text.length) throw new TokenizeError('unterminated string', l, c);
      advance(j + 1);
      push('string', value, value, l, c);
      continue;
    }
    if (ch === '`') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new TokenizeError('unterminated backticked name', l, c);
        if (text[j] === '`') {
          if (text[j + 1] === '`') {
            value += '`';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      advance(j + 1);
      push('name', value, value, l, c);
      continue;
    }
    if (ch === '$') {
      let j = i + 1;
      if (text[j] === '`') {
        const end = text.indexOf('`', j + 1);
        if (end === -1) throw new TokenizeError('unterminated backticked parameter', l, c);
        j = end + 1;
      } else {
        while (j < text.length && WORD_PART.test(text[j]!)) j++;
      }
      if (j === i + 1) throw new TokenizeError('a `$` without a parameter name', l, c);
      const raw = text.slice(i, j);
      advance(j);
      push('param', raw, raw.slice(1).replace(/^`|`$/g, ''), l, c);
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? '') && text[i - 1] !== '.')) {
      const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|(\d[\d_]*)?(\.(?!\.)\d[\d_]*)?([eE][+-]?\d+)?)/.exec(text.slice(i));
      const raw = m?.[0] || ch;
      advance(i + raw.length);
      push('number', raw, raw, l, c);
      continue;
    }
    if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && WORD_PART.test(text[j]!)) j++;
      const raw = text.slice(i, j);
      advance(j);
      push('word', raw, raw, l, c);
      continue;
    }
    const multi = MULTI.find((m) => text.startsWith(m, i));
    const raw = multi ?? ch;
    advance(i + raw.length);
    push('punct', raw, raw, l, c);
  }
  return tokens;
}

/** Index of the token closing the bracket opened at `open` (same depth), or -1. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (pairs[t.text]) stack.push(pairs[t.text]!);
    else if (t.text === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return k;
    }
  }
  return -1;
}
