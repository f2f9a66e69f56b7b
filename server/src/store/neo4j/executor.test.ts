import { describe, expect, it } from 'vitest';
import { checkParams } from './executor.js';

describe('checkParams', () => {
  const stmt = { name: 'search.count', text: '...', params: ['query', 'kinds'] };

  it('accepts exactly the declared parameters, in any order', () => {
    expect(() => checkParams(stmt, { kinds: [], query: 'x' })).not.toThrow();
  });

  it('refuses a missing or an extra parameter as an internal error', () => {
    expect(() => checkParams(stmt, { query: 'x' })).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => checkParams(stmt, { query: 'x', kinds: [], limit: 1 })).toThrow(/declares \[kinds, query\]/);
  });
});
