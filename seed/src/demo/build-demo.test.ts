import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo, DEMO_DIR } from './build-demo.js';

describe('the demo case', () => {
  it('is what build-demo.ts writes, byte for byte (rebuild it after changing the script)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringtrace-demo-'));
    try {
      const { files } = await buildDemo(dir);
      expect(files.length).toBeGreaterThan(30);
      for (const f of files) {
        const built = await readFile(join(dir, f), 'utf8');
        const committed = await readFile(join(DEMO_DIR, f), 'utf8');
        expect(built, f).toBe(committed);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('cites the report by hash and line, and marks everything else synthetic', async () => {
    const manifest = JSON.parse(await readFile(join(DEMO_DIR, 'bundle.json'), 'utf8'));
    expect(manifest.basis).toBe('synthetic');
    expect(manifest.sources).toEqual([
      expect.objectContaining({ key: 'report', basis: 'reported', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    const group = await readFile(join(DEMO_DIR, 'entities/CrimeGroup.report.csv'), 'utf8');
    expect(group).toMatch(/Khimprom/);
    expect(group).toMatch(/as attributed to the security service/);
    expect(group).toMatch(/report#line:17/);
  });
});
