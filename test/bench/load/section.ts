/**
 * The load section as `pnpm bench` runs it: measured and printed; a failure is reported, never thrown
 * past the other sections.
 */
import type { LoadArgs } from './args.js';
import { formatLoad } from './report.js';
import { runLoad, type LoadResult } from './run-load.js';

export interface LoadSection {
  readonly text: string;
  readonly result?: LoadResult;
  readonly error?: string;
}

export async function loadSection(
  a: LoadArgs,
  o: { seed: number; poolMb: number; dataDir?: string },
): Promise<LoadSection> {
  try {
    const result = await runLoad({
      ...a,
      ...o,
      log: (line) => process.stderr.write(`  [load] ${line}\n`),
    });
    return { text: formatLoad(result), result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { text: `== load: failed: ${message}`, error: message };
  }
}
