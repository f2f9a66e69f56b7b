/**
 * Time to add and lay out nodes on a scene: the selected hub expanded with the toolbar's cap set to
 * `add` (the details panel's "Expand", the same handler as a double-click), timed in the page from the
 * click until the app is idle (the request answered, the step recorded, the patch drawn, the
 * incremental layout stopped and the new nodes brought into view). Undo takes the scene back between
 * runs. Where the time went: the API request (Resource Timing) and the moment the patch reached
 * Cytoscape (its `add` event, read through `container._cyreg`, see measure-fps.ts).
 */
import type { Page } from 'playwright-core';
import { CANVAS, idle, settle, type Hook } from './app-page.js';

export interface ExpandRun {
  readonly ms: number;
  /** The neighbourhood request, start to end of the answer. */
  readonly apiMs: number | null;
  /** From the click to the first new element in Cytoscape; the rest is layout, fit and drawing. */
  readonly drawnAtMs: number | null;
  /** Entities the scene gained. */
  readonly added: number;
}

export interface ExpandResult {
  readonly runs: readonly ExpandRun[];
  readonly median: ExpandRun;
}

/** Self-contained: runs in the page. */
async function expandInPage(selector: string): Promise<ExpandRun> {
  const hook = (window as unknown as { __ringtrace: Hook }).__ringtrace;
  const container = document.querySelector(selector) as (Element & { _cyreg?: { cy?: CyLike } }) | null;
  const cy = container?._cyreg?.cy;
  const button = [...document.querySelectorAll('[data-testid="details"] button')].find(
    (b) => b.textContent?.trim() === 'Expand',
  ) as HTMLButtonElement | undefined;
  if (!button) throw new Error('no "Expand" in the details panel: the hub is not selected');
  const before = hook.scene().nodes;
  let t0 = 0;
  let drawnAt: number | null = null;
  const onAdd = () => {
    if (drawnAt === null) drawnAt = performance.now() - t0;
  };
  cy?.on('add', onAdd);
  performance.clearResourceTimings();
  t0 = performance.now();
  button.click();
  await hook.idle();
  const ms = performance.now() - t0;
  cy?.off('add', onAdd);
  const requests = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/graphql')) as PerformanceResourceTiming[];
  return {
    ms,
    apiMs: requests.length > 0 ? Math.max(...requests.map((e) => e.responseEnd - e.startTime)) : null,
    drawnAtMs: drawnAt,
    added: hook.scene().nodes - before,
  };
}

interface CyLike {
  on(events: string, handler: () => void): void;
  off(events: string, handler: () => void): void;
}

export async function measureExpand(
  page: Page,
  o: { readonly add: number; readonly runs: number; readonly settleMs: number },
): Promise<ExpandResult> {
  await page.getByTestId('expand-cap').selectOption(String(o.add));
  const runs: ExpandRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    await settle(page, o.settleMs);
    runs.push(await page.evaluate(expandInPage, CANVAS));
    await page.getByTestId('undo').click();
    await page.waitForTimeout(50);
    await idle(page);
  }
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return { runs, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
}
