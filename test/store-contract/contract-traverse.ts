/** Expansion (depth, filters, limits, link bounds) and shortest paths. */
import type { Subgraph } from '@ringtrace/server/store/port.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseBatch, ID, linkId, sorted } from './fixtures.js';
import { rejectsWith, useStore, type OpenStore } from './harness.js';

const ids = (g: Subgraph) => g.entities.map((e) => e.id);
const linkTypes = (g: Subgraph) => sorted(g.links.map((l) => l.type));

export function traverseContract(open: OpenStore) {
  describe('expand', () => {
    const s = useStore(open);
    beforeAll(async () => {
      await s.store.write(caseBatch());
    });

    it('returns the seeds first, then the neighbours nearest first, with every link between them, parallel calls included', async () => {
      const g = await s.store.expand({ seeds: [ID.phone], depth: 1, limit: 100 });
      expect(ids(g)).toEqual([ID.phone, ID.v1, ID.v2, ID.ws]);
      expect(linkTypes(g)).toEqual(['CALLED', 'CALLED', 'CALLED', 'CALLED', 'USES_NUMBER']);
      const calls = g.links.filter((l) => l.to === ID.v1);
      expect(calls.map((l) => l.from)).toEqual([ID.phone, ID.phone, ID.phone]);
      expect(g.truncated).toBeNull();
      expect(g.truncatedLinks ?? null).toBeNull();
    });

    it('reaches further with depth and never includes a link beyond it', async () => {
      const one = await s.store.expand({ seeds: [ID.centre], depth: 1, limit: 100 });
      expect(sorted(ids(one))).toEqual(sorted([ID.centre, ID.group, ID.ws, ID.caller, ID.platform]));
      // The caller operates the workstation: both are one hop away, so that link lies beyond depth 1.
      expect(linkTypes(one)).toEqual(['CONTROLS', 'HAS_WORKSTATION', 'PROMOTES', 'WORKS_AT']);
      const two = await s.store.expand({ seeds: [ID.centre], depth: 2, limit: 100 });
      expect(linkTypes(two)).toContain('OPERATES');
      expect(ids(two)).toEqual(expect.arrayContaining([ID.centre2, ID.leader, ID.phone, ID.recruiter, ID.wallet]));
      const three = await s.store.expand({ seeds: [ID.centre], depth: 3, limit: 100 });
      expect(ids(three)).toEqual(expect.arrayContaining([ID.v1, ID.v2, ID.ws2, ID.wallet2]));
      expect(ids(three)).not.toContain(ID.v3);
      expect(ids(three)).not.toContain(ID.source);
      const distances = new Map([...ids(one), ...ids(two), ...ids(three)].reverse().map((id) => [id, 0]));
      expect(distances.size).toBe(three.entities.length);
    });

    it('keeps only the kinds asked for, passing through the others', async () => {
      const g = await s.store.expand({ seeds: [ID.v1], depth: 3, kinds: ['Wallet', 'CallCentre'], limit: 100 });
      expect(ids(g)).toEqual([ID.v1, ID.wallet, ID.wallet2, ID.centre]);
      expect(linkTypes(g)).toEqual(['PAID', 'TRANSFERRED']);
    });

    it('follows only the link types asked for', async () => {
      const g = await s.store.expand({ seeds: [ID.v1], depth: 3, linkTypes: ['PAID', 'TRANSFERRED'], limit: 100 });
      expect(ids(g)).toEqual([ID.v1, ID.wallet, ID.wallet2]);
    });

    it('keeps the nearest entities within the limit and says how many it left out', async () => {
      const g = await s.store.expand({ seeds: [ID.centre], depth: 2, limit: 3 });
      expect(ids(g)).toEqual([ID.centre, ID.group, ID.caller, ID.platform]);
      const all = await s.store.expand({ seeds: [ID.centre], depth: 2, limit: 100 });
      expect(g.truncated).toEqual({ bound: 'limit', value: 3, omitted: all.entities.length - 1 - 3 });
      for (const l of g.links) expect(ids(g)).toEqual(expect.arrayContaining([l.from, l.to]));
    });

    it('bounds links so each linked pair keeps one before any gets a second, and says so', async () => {
      const g = await s.store.expand({ seeds: [ID.phone], depth: 1, limit: 100, linkLimit: 3 });
      expect(g.links).toHaveLength(3);
      expect(sorted(g.links.map((l) => l.to))).toEqual(sorted([ID.v1, ID.v2, ID.phone]));
      expect(g.truncatedLinks).toEqual({ bound: 'linkLimit', value: 3, omitted: 2 });
    });

    it('expands from several seeds at once', async () => {
      const g = await s.store.expand({ seeds: [ID.v2, ID.v3], depth: 1, limit: 100 });
      expect(ids(g)).toEqual([ID.v2, ID.v3, ID.de, ID.phone, ID.spoofed]);
    });

    it('refuses unknown seeds and out-of-range arguments, naming them', async () => {
      await rejectsWith(
        s.store.expand({ seeds: ['victim:nobody'], depth: 1, limit: 10 }),
        'NOT_FOUND',
        'victim:nobody',
      );
      await rejectsWith(s.store.expand({ seeds: [ID.v1], depth: 0, limit: 10 }), 'INVALID_ARGUMENT', 'depth', '3');
      await rejectsWith(s.store.expand({ seeds: [ID.v1], depth: 4, limit: 10 }), 'INVALID_ARGUMENT', 'depth');
      await rejectsWith(s.store.expand({ seeds: [ID.v1], depth: 1, limit: -1 }), 'INVALID_ARGUMENT', 'limit');
      await rejectsWith(
        s.store.expand({ seeds: [ID.v1], depth: 1, limit: 10, kinds: ['SourceFile'] }),
        'INVALID_ARGUMENT',
        'SourceFile',
      );
      await rejectsWith(
        s.store.expand({ seeds: [ID.v1], depth: 1, limit: 10, linkTypes: ['LOVES'] }),
        'INVALID_ARGUMENT',
        'LOVES',
      );
      await rejectsWith(s.store.expand({ seeds: [], depth: 1, limit: 10 }), 'INVALID_ARGUMENT', 'seeds');
    });
  });

  describe('shortest paths', () => {
    const s = useStore(open);
    beforeAll(async () => {
      await s.store.write(caseBatch());
    });

    const route = [ID.v1, ID.phone, ID.ws, ID.centre, ID.group];

    it('finds every shortest path from a victim to the crime group, with its entities and links', async () => {
      const r = await s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 6, limit: 10 });
      // Three calls from one number to the victim make three paths through the same entities; the money
      // (victim -> wallet <- platform <- centre) makes a fourth of the same length.
      expect(r.paths).toHaveLength(4);
      const viaPhone = r.paths.filter((p) => p.entityIds[1] === ID.phone);
      expect(viaPhone).toHaveLength(3);
      for (const p of viaPhone) {
        expect(p.entityIds).toEqual(route);
        expect(p.linkIds.slice(1)).toEqual([
          linkId('USES_NUMBER', ID.ws, ID.phone),
          linkId('HAS_WORKSTATION', ID.centre, ID.ws),
          linkId('CONTROLS', ID.group, ID.centre),
        ]);
      }
      expect(r.paths.find((p) => p.entityIds[1] === ID.wallet)!.entityIds).toEqual([
        ID.v1,
        ID.wallet,
        ID.platform,
        ID.centre,
        ID.group,
      ]);
      expect(sorted(r.entities.map((e) => e.id))).toEqual(sorted([...route, ID.wallet, ID.platform]));
      expect(r.links).toHaveLength(9);
      const uses = r.links.find((l) => l.type === 'USES_NUMBER')!;
      expect([uses.from, uses.to]).toEqual([ID.ws, ID.phone]);
      const receives = r.links.find((l) => l.type === 'RECEIVES_TO')!;
      expect([receives.from, receives.to]).toEqual([ID.platform, ID.wallet]);
      expect(r.truncated).toBeNull();
    });

    it('keeps `limit` paths and says how many it left out', async () => {
      const r = await s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 6, limit: 2 });
      expect(r.paths).toHaveLength(2);
      expect(r.truncated).toEqual({ bound: 'limit', value: 2, omitted: 2 });
      const again = await s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 6, limit: 2 });
      expect(again.paths).toEqual(r.paths);
    });

    it('finds none beyond maxHops or without the needed link types', async () => {
      const short = await s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 3, limit: 10 });
      expect(short).toEqual({ paths: [], entities: [], links: [], truncated: null });
      const noCalls = await s.store.shortestPaths({
        from: ID.v1,
        to: ID.group,
        maxHops: 10,
        limit: 10,
        linkTypes: ['PAID', 'TRANSFERRED', 'CONTROLS'],
      });
      expect(noCalls.paths).toEqual([]);
    });

    it('follows money through platform wallets', async () => {
      const r = await s.store.shortestPaths({
        from: ID.v1,
        to: ID.platform,
        maxHops: 4,
        limit: 10,
        linkTypes: ['PAID', 'RECEIVES_TO'],
      });
      expect(r.paths).toEqual([
        {
          entityIds: [ID.v1, ID.wallet, ID.platform],
          linkIds: [expect.any(String), linkId('RECEIVES_TO', ID.platform, ID.wallet)],
        },
      ]);
    });

    it('treats an entity as its own shortest path', async () => {
      const r = await s.store.shortestPaths({ from: ID.v1, to: ID.v1, maxHops: 3, limit: 10 });
      expect(r.paths).toEqual([{ entityIds: [ID.v1], linkIds: [] }]);
    });

    it('refuses unknown ends and out-of-range arguments', async () => {
      await rejectsWith(
        s.store.shortestPaths({ from: ID.v1, to: 'crimegroup:none', maxHops: 3, limit: 1 }),
        'NOT_FOUND',
        'crimegroup:none',
      );
      await rejectsWith(
        s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 11, limit: 1 }),
        'INVALID_ARGUMENT',
        'maxHops',
        '10',
      );
      await rejectsWith(
        s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 0, limit: 1 }),
        'INVALID_ARGUMENT',
        'maxHops',
      );
      await rejectsWith(
        s.store.shortestPaths({ from: ID.v1, to: ID.group, maxHops: 3, limit: -1 }),
        'INVALID_ARGUMENT',
        'limit',
      );
    });
  });
}
