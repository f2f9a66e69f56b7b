import { describe, expect, it } from 'vitest';
import { callerFrom, LOCAL_CALLER } from './caller.js';
import { createContext } from './context.js';
import type { GraphStore } from '../store/port.js';

describe('the caller seam', () => {
  it('is the fixed local identity for every request until the API authenticates (issue 7)', () => {
    const request = new Request('http://ringtrace.test/graphql', { headers: { authorization: 'Bearer whoever' } });
    expect(callerFrom(request)).toBe(LOCAL_CALLER);
    expect(LOCAL_CALLER.id).toBe('local');
    expect(createContext({} as GraphStore, request).caller).toBe(LOCAL_CALLER);
  });
});
