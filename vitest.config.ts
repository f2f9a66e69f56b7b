import { defineConfig } from 'vitest/config';

// One command runs every package's tests. Forks, not threads: the embedded engine is a native addon,
// and a crash in one test file must not take the others with it.
export default defineConfig({
  test: {
    include: ['{server,cypher,seed,test,web}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    // Kills a worker whose event loop a native call has blocked for good, so CI fails fast and says where.
    setupFiles: ['test/support/vitest-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
