import { describe, expect, it } from 'vitest';
import { tokenize, TokenizeError } from './tokens.js';

describe('the Cypher tokenizer', () => {
  it('keeps strings, comments and backticked names out of the words', () => {
    const tokens = tokenize("MATCH (n) // CREATE\n/* DELETE */ WHERE n.x = 'SET \\' x' RETURN n.`REMOVE` AS `a``b`");
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.upper)).toEqual([
      'MATCH',
      'N',
      'WHERE',
      'N',
      'X',
      'RETURN',
      'N',
      'AS',
    ]);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual(["SET ' x"]);
    expect(tokens.filter((t) => t.kind === 'name').map((t) => t.text)).toEqual(['REMOVE', 'a`b']);
  });

  it('reads path bounds, parameters and positions', () => {
    const tokens = tokenize('MATCH ()-[*1..3]->()\nWHERE $p > 2.5e3');
    expect(tokens.map((t) => t.text)).toEqual([
      'MATCH',
      '(',
      ')',
      '-',
      '[',
      '*',
      '1',
      '..',
      '3',
      ']',
      '->',
      '(',
      ')',
      'WHERE',
      'p',
      '>',
      '2.5e3',
    ]);
    expect(tokens.find((t) => t.kind === 'param')).toMatchObject({ text: 'p', line: 2, column: 7 });
  });

  it.each([
    ["RETURN 'x", 'unterminated string'],
    ['RETURN /* x', 'unterminated comment'],
    ['RETURN `x', 'unterminated backticked name'],
  ])('refuses %s', (text, message) => {
    expect(() => tokenize(text)).toThrow(TokenizeError);
    expect(() => tokenize(text)).toThrow(message);
  });
});
