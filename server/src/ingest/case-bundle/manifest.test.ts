import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, parseManifest } from './manifest.js';

const minimal = { format: BUNDLE_FORMAT, name: 'case', basis: 'seized' };

describe('parseManifest', () => {
  it('fills defaults', () => {
    expect(parseManifest(minimal)).toEqual({ ...minimal, description: '', context: {}, sources: [], files: {} });
  });

  it('refuses a wrong format, basis or hash, naming the field', () => {
    expect(() => parseManifest({ ...minimal, format: 'x' })).toThrow(/format/);
    expect(() => parseManifest({ ...minimal, basis: 'rumour' })).toThrow(/basis/);
    const source = { key: 'r', name: 'r.txt', sha256: 'nothex', basis: 'reported' };
    expect(() => parseManifest({ ...minimal, sources: [source] })).toThrow(/sources\.0\.sha256/);
  });

  it('refuses a source key used twice or the reserved "this"', () => {
    const source = { key: 'r', name: 'r.txt', sha256: 'a'.repeat(64), basis: 'reported' };
    expect(() => parseManifest({ ...minimal, sources: [source, source] })).toThrow(/"r" is taken/);
    expect(() => parseManifest({ ...minimal, sources: [{ ...source, key: 'this' }] })).toThrow(/"this" is taken/);
  });
});
