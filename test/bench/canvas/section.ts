/**
 * The canvas section as `pnpm bench` runs it: skipped with the reason when Debian's chromium is not
 * installed, otherwise measured and printed; a failure is reported, never thrown past the other sections.
 */
import type { CanvasArgs } from './args.js';
import { CHROMIUM, haveChromium } from './browser.js';
import { canvasVerdicts, formatCanvas } from './report.js';
import { runCanvas, type CanvasResult } from './run-canvas.js';

export interface CanvasSection {
  readonly text: string;
  readonly result?: CanvasResult;
  readonly error?: string;
}

export async function canvasSection(a: CanvasArgs, seed: number, shots: string): Promise<CanvasSection> {
  if (!haveChromium()) return { text: `== canvas: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)` };
  try {
    const result = await runCanvas({
      ...a,
      seed,
      settleMs: 2000,
      experiments: true,
      shots,
      log: (line) => process.stderr.write(`  [canvas] ${line}\n`),
    });
    const misses = canvasVerdicts(result).filter((v) => !v.pass).length;
    return { text: `${formatCanvas(result)}\ncanvas targets: ${misses === 0 ? 'PASS' : `${misses} MISS`}`, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { text: `== canvas: failed: ${message}`, error: message };
  }
}
