import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertLocator, formatSourceRef, parseSourceRef, sha256Hex } from './provenance.js';

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('provenance', () => {
  it('hashes bytes and strings (UTF-8) to lower-case hex', () => {
    expect(sha256Hex('')).toBe(SHA);
    expect(sha256Hex(new Uint8Array())).toBe(SHA);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('é')).toBe(sha256Hex(new TextEncoder().encode('é')));
  });

  it('formats and parses source references as <sha256>#<locator>', () => {
    expect(formatSourceRef({ sha256: SHA, locator: 'line:17' })).toBe(`${SHA}#line:17`);
    const locator = fc.string({ minLength: 1 }).filter((s) => !/[\s,#]/.test(s));
    fc.assert(
      fc.property(fc.uint8Array(), locator, (bytes, loc) => {
        const ref = { sha256: sha256Hex(bytes), locator: loc };
        expect(parseSourceRef(formatSourceRef(ref))).toEqual(ref);
      }),
    );
  });

  it('refuses malformed references and locators, naming the argument', () => {
    expect(() => parseSourceRef('abc#line:1')).toThrow(/source: "abc" is not a SHA-256/);
    expect(() => parseSourceRef(SHA)).toThrow(/is not <sha256>#<locator>/);
    expect(() => parseSourceRef(`${SHA.toUpperCase()}#line:1`)).toThrow(/source:/);
    expect(() => parseSourceRef(`${SHA}#`)).toThrow(/locator: empty locator/);
    expect(() => formatSourceRef({ sha256: SHA, locator: 'line 17' })).toThrow(/locator: "line 17" must not contain/);
    for (const bad of ['', 'a,b', 'a#b', 'a\tb']) expect(() => assertLocator(bad), bad).toThrow(/locator/);
    expect(() => assertLocator('record:3')).not.toThrow();
  });
});
