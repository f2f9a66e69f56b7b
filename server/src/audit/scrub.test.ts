import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { REMOVED, SCRUB_BOUNDS, scrub, scrubString } from './scrub.js';

const TOKEN = `rt_0123456789abcdef_${'A'.repeat(43)}`;
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 'é"\n' })).toBe(JSON.stringify({ x: 'é"\n' }));
  });
  it('gives the same text for the same value built in another order', () => {
    expect(canonicalJson({ a: 1, b: [2, 3] })).toBe(canonicalJson(JSON.parse('{"b":[2,3],"a":1}')));
  });
});

describe('removing secrets', () => {
  it('removes members named like secrets, at any depth, whatever their value', () => {
    const { value } = scrub({
      token: 'x',
      input: { password: { nested: 1 }, Authorization: 'Bearer x', sessionCookie: 'c', idJwt: 'j', apiSecret: 's' },
      list: [{ accessToken: 'y', name: 'kept' }],
      name: 'kept',
    });
    expect(value).toEqual({
      token: REMOVED,
      input: { password: REMOVED, Authorization: REMOVED, sessionCookie: REMOVED, idJwt: REMOVED, apiSecret: REMOVED },
      list: [{ accessToken: REMOVED, name: 'kept' }],
      name: 'kept',
    });
  });
  it('removes token-looking strings anywhere, keeping a Ringtrace token id', () => {
    expect(scrubString(`Bearer ${TOKEN}`)).toBe(`Bearer rt_0123456789abcdef_${REMOVED}`);
    expect(scrubString('rt_abcdefghijklmnopqrstu')).toBe(REMOVED);
    expect(scrubString(`id_token=${JWT}&x=1`)).toBe(`id_token=${REMOVED}&x=1`);
    const { value } = scrub({ query: `MATCH (n {id: "${TOKEN}"}) RETURN n`, ids: [JWT] });
    expect(JSON.stringify(value)).not.toContain('A'.repeat(43));
    expect(JSON.stringify(value)).not.toContain(JWT);
  });
  it('keeps ordinary values as they are and reports no cut', () => {
    const variables = { id: 'phone:+74951234567', depth: 2, kinds: ['Victim'], force: false, at: null };
    expect(scrub(variables)).toEqual({ value: variables, truncated: undefined });
  });
  it('makes plain JSON of whatever it is given', () => {
    const { value } = scrub({ n: Number.NaN, big: 10n, when: new Date('2024-05-01T00:00:00Z'), fn: () => 1, u: undefined });
    expect(value).toEqual({ n: null, big: '10', when: '2024-05-01T00:00:00.000Z' });
  });
});

describe('cutting large variables', () => {
  it('cuts long strings, long lists, wide objects and deep nesting with a marker, naming the bounds hit', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10; i++) deep = { deeper: deep };
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]));
    const { value, truncated } = scrub({ s: 'x'.repeat(1000), list: Array.from({ length: 30 }, (_, i) => i), wide, deep });
    const v = value as { s: string; list: unknown[]; wide: Record<string, unknown> };
    expect(v.s).toBe(`${'x'.repeat(SCRUB_BOUNDS.maxString)}…[cut: 1000 chars]`);
    expect(v.list).toHaveLength(SCRUB_BOUNDS.maxItems + 1);
    expect(v.list.at(-1)).toBe('[cut: 10 more items]');
    expect(v.wide['[cut]']).toBe('10 more members');
    expect(JSON.stringify(value)).toContain('[cut: too deep]');
    expect(truncated).toEqual({
      maxString: SCRUB_BOUNDS.maxString,
      maxItems: SCRUB_BOUNDS.maxItems,
      maxKeys: SCRUB_BOUNDS.maxKeys,
      maxDepth: SCRUB_BOUNDS.maxDepth,
    });
  });
  it('keeps only the size of variables still too large, and stops early on a huge body', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, Array(20).fill('y'.repeat(200))]));
    const { value, truncated } = scrub(many);
    expect(Object.keys(value as object)).toEqual(['[cut]']);
    expect(truncated).toMatchObject({ maxBytes: SCRUB_BOUNDS.maxBytes, maxValues: SCRUB_BOUNDS.maxValues });
  });
});
