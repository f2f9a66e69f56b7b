import type { Plugin } from 'graphql-yoga';
import { documentLimitError } from './use-document-limits.js';

/** graphql-js's own refusal when `maxLexicalTokens` is reached. */
const TOO_MANY_TOKENS = /Document contains more than \d+ tokens/;

/**
 * Counts tokens in graphql's own parser (its `maxLexicalTokens` option): a huge document stops at the
 * limit, unparsed, and is refused as LIMIT_EXCEEDED. Syntax errors stay graphql's.
 */
export function useTokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, { ...options, maxLexicalTokens: maxTokens });
        } catch (error) {
          if (error instanceof Error && TOO_MANY_TOKENS.test(error.message)) {
            throw documentLimitError('maxTokens', maxTokens);
          }
          throw error;
        }
      });
    },
  };
}
