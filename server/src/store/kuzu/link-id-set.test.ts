import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkIdSet } from './link-id-set.js';

const hexId = fc
  .tuple(fc.constantFrom('CALLED', 'PAID', 'LIVES_IN'), fc.stringMatching(/^[0-9a-f]{16}$/))
  .map(([type, hex]) => `link:${type}:${hex}`);
const anyId = fc.oneof(hexId, fc.string({ maxLength: 30 }));

describe('a set of link ids', () => {
  it('answers as a Set of strings does, for ids of any form', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 3000 }), fc.array(anyId, { maxLength: 200 }), (added, probes) => {
        const set = new LinkIdSet();
        const model = new Set<string>();
        for (const id of added) {
          set.add(id);
          model.add(id);
        }
        for (const id of [...probes, ...added]) expect(set.has(id)).toBe(model.has(id));
        expect(set.size).toBe(model.size);
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart ids that differ only in type or in one hex digit', () => {
    const set = new LinkIdSet();
    set.add('link:CALLED:00000000000000ff');
    expect(set.has('link:PAID:00000000000000ff')).toBe(false);
    expect(set.has('link:CALLED:00000000000000fe')).toBe(false);
    expect(set.has('link:CALLED:ff00000000000000')).toBe(false);
    expect(set.has('link:CALLED:00000000000000ff')).toBe(true);
  });
});
