import { describe, expect, it } from 'vitest';
import { luceneQuery } from './search.js';

describe('luceneQuery', () => {
  it('keeps plain words, any of them matching', () => {
    expect(luceneQuery('  moscow   call centre ')).toBe('moscow call centre');
  });

  it('escapes every Lucene operator character', () => {
    expect(luceneQuery('+7(495) a&&b||c !x {y} [z] ^2 "q" ~1 a* b? c:d e\\f g/h -i')).toBe(
      '\\+7\\(495\\) a\\&\\&b\\|\\|c \\!x \\{y\\} \\[z\\] \\^2 \\"q\\" \\~1 a\\* b\\? c\\:d e\\\\f g\\/h \\-i',
    );
  });

  it('turns the upper-case keywords into plain words', () => {
    expect(luceneQuery('FSB AND MVD OR NOT police TO')).toBe('FSB and MVD or not police to');
  });

  it('is empty for blank text', () => {
    expect(luceneQuery(' \t\n')).toBe('');
  });
});
