import { describe, expect, it } from 'vitest';
import { setCaller } from '../auth/request-caller.js';
import type { Caller } from '../domain/access/caller.js';
import type { GraphStore } from '../store/port.js';
import { callerFrom } from './caller.js';
import { createContext } from './context.js';

describe('the caller seam', () => {
  it('is the caller the auth plugin verified for this request', () => {
    const request = new Request('http://ringtrace.test/graphql');
    const anna: Caller = { id: 'token:0123456789abcdef', name: 'anna', role: 'analyst', via: 'token', tokenId: '0123456789abcdef' };
    setCaller(request, anna);
    expect(callerFrom(request)).toBe(anna);
    expect(createContext({} as GraphStore, request).caller).toBe(anna);
  });
  it('refuses a request nobody verified: never a default identity', () => {
    const request = new Request('http://ringtrace.test/graphql', { headers: { authorization: 'Bearer whoever' } });
    expect(() => callerFrom(request)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
