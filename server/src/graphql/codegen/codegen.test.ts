import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTsx } from '../../testing/run-tsx.js';
import { GENERATED_DIR, RESOLVER_TYPES_FILE, SCHEMA_FILE } from './codegen.js';

describe('generated schema and resolver types', () => {
  it('are what codegen makes of the current SDL and model (else: pnpm --filter @ringtrace/server codegen)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringtrace-codegen-test-'));
    try {
      const run = await runTsx('src/graphql/codegen/write.ts', [dir]);
      expect(run.code, run.stderr).toBe(0);
      for (const file of [SCHEMA_FILE, RESOLVER_TYPES_FILE]) {
        const fresh = await readFile(join(dir, file), 'utf8');
        const committed = await readFile(join(GENERATED_DIR, file), 'utf8');
        expect(committed === fresh, `${file} is stale: run pnpm --filter @ringtrace/server codegen`).toBe(true);
      }
      // The model's kinds are types of their own in the printed schema.
      expect(await readFile(join(dir, SCHEMA_FILE), 'utf8')).toContain('type Wallet implements Entity');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
