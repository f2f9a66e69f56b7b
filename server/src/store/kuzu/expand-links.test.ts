import { describe, expect, it } from 'vitest';
import { model } from '../../domain/model/index.js';
import { nodesToRead, type KeptNode } from './expand-links.js';

const node = (id: string, kind: string, inner: boolean): KeptNode => ({ id, kind, ref: `0:${id}`, inner });

/** Every pair of kept nodes that a followed type could join, with an inner end, has an end among those read. */
function expectCover(kept: readonly KeptNode[], read: readonly KeptNode[], types?: readonly string[]) {
  const joined = new Set(
    model.relationships
      .filter((r) => !types || types.includes(r.name))
      .flatMap((r) => r.endpoints.flatMap(([f, t]) => [`${f}|${t}`, `${t}|${f}`])),
  );
  const readSet = new Set(read);
  for (const x of kept)
    for (const y of kept)
      if (x !== y && (x.inner || y.inner) && joined.has(`${x.kind}|${y.kind}`))
        expect(readSet.has(x) || readSet.has(y), `${x.id} - ${y.id}`).toBe(true);
}

describe('the kept nodes whose links are read', () => {
  it('around a hub: the hub alone, not its kept neighbours', () => {
    // country:DE, 2 hops: its neighbours are victims at distance 1, and no relationship joins two victims.
    const de = node('country:DE', 'Country', true);
    const victims = Array.from({ length: 100 }, (_, i) => node(`victim:${i}`, 'Victim', true));
    const read = nodesToRead([de, ...victims], undefined);
    expect(read).toEqual([de]);
    expectCover([de, ...victims], read);
  });

  it('a victim next to a hub line: a few nodes, none of the victims at the edge', () => {
    const seed = node('victim:seed', 'Victim', true);
    const phone = node('phone:hub', 'PhoneNumber', true);
    const wallet = node('wallet:w', 'Wallet', true);
    const edge = Array.from({ length: 50 }, (_, i) => node(`victim:${i}`, 'Victim', false));
    const outerWallet = node('wallet:x', 'Wallet', false);
    const kept = [seed, phone, wallet, ...edge, outerWallet];
    const read = nodesToRead(kept, undefined);
    expect(read.length).toBeLessThanOrEqual(4);
    expect(read.filter((n) => edge.includes(n))).toEqual([]);
    expectCover(kept, read);
  });

  it('covers same-kind pairs by their inner nodes, and only the pairs the followed types join', () => {
    const inner = node('wallet:a', 'Wallet', true);
    const outer = node('wallet:b', 'Wallet', false);
    const victim = node('victim:v', 'Victim', false);
    const kept = [inner, outer, victim];
    expect(nodesToRead(kept, ['TRANSFERRED'])).toEqual([inner]);
    const paid = nodesToRead(kept, ['PAID']);
    expect(paid).toHaveLength(1);
    expectCover(kept, paid, ['PAID']);
    expectCover(kept, nodesToRead(kept, undefined));
    // Nothing inner: no link can lie on the expansion.
    expect(nodesToRead([outer, victim], undefined)).toEqual([]);
  });
});
