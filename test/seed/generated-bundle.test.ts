import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCaseBundle } from '@ringtrace/server/ingest/case-bundle/index.js';
import { generateCase } from '@ringtrace/seed';
import { describe, expect, it } from 'vitest';
import { freshStore } from './demo-store.js';

describe('a generated case on the embedded engine', () => {
  it('loads with no rejects or flags, every row a fact, and answers the same questions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringtrace-generated-'));
    const { store, dispose } = await freshStore();
    try {
      const generated = await generateCase({ scale: 10_000, seed: 5, outDir: dir });
      const started = performance.now();
      const result = await loadCaseBundle(store, dir, { loadedBy: 'test', batchSize: 5_000 });
      const seconds = (performance.now() - started) / 1000;
      console.log(`loaded ${generated.links} links and ${generated.entities} entities in ${seconds.toFixed(1)} s`);
      expect(result.rejects).toEqual([]);
      expect(result.flags).toEqual([]);
      const links = Object.values(await store.countByLinkType()).reduce((a, b) => a + b, 0);
      expect(links).toBe(generated.links);
      const kinds = await store.countByKind();
      const entities = Object.entries(kinds)
        .filter(([k]) => k !== 'SourceFile')
        .reduce((a, [, n]) => a + n, 0);
      expect(entities).toBe(generated.entities);
      expect(kinds.SourceFile).toBe(generated.files.length - 1); // every CSV file; bundle.json is not one

      const path = await store.shortestPaths({
        from: 'callcentre:centre-0',
        to: 'crimegroup:group-0',
        maxHops: 4,
        limit: 1,
      });
      expect(path.paths.length).toBeGreaterThan(0);
      const spoofs = await store.expand({
        seeds: ['agency:agency-0'],
        depth: 1,
        linkTypes: ['IMPERSONATES'],
        limit: 20,
      });
      expect(spoofs.entities.some((e) => e.kind === 'PhoneNumber')).toBe(true);
    } finally {
      await dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
