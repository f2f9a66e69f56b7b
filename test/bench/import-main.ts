/**
 * The importer's benchmark on its own: `npx tsx test/bench/import-main.ts [--sizes 1e5,1e6] [--safe-max 1e5]
 * [--pool-mb 1024]`. (`pnpm bench` runs it too once main.ts calls runImportBench.)
 */
import { fileURLToPath } from 'node:url';
import { formatImportBench, runImportBench } from './import-bench.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const sizes = option('sizes', '1e5,1e6').split(',').map(Number);
const results = await runImportBench({
  sizes,
  safeMax: Number(option('safe-max', '1e5')),
  poolMb: Number(option('pool-mb', '1024')),
  out: fileURLToPath(new URL('../../bench-results/', import.meta.url)),
});
process.stdout.write(`${formatImportBench(results)}\n`);
