/**
 * The Ringtrace page as the canvas benchmark drives it: open a saved view through "Open view" (the app
 * fetches the entities and links by id, builds the scene and lays it out), wait for the app through its
 * read-only test hook (`window.__ringtrace`, web/src/app/test-hook.ts), count what the canvas draws.
 */
import type { Page } from 'playwright-core';

/** What the benchmark reads of the app's test hook. */
export interface Hook {
  elements(): Array<{ group: 'nodes' | 'edges'; classes: string[] }>;
  scene(): { nodes: number; selection: string[] };
  idle(): Promise<void>;
}

export const CANVAS = '[data-testid="canvas"]';

export async function openApp(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => '__ringtrace' in window, null, { timeout: 60_000 });
  if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
}

export function idle(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __ringtrace: Hook }).__ringtrace.idle());
}

export async function drawn(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => {
    const all = (window as unknown as { __ringtrace: Hook }).__ringtrace.elements();
    const nodes = all.filter((e) => e.group === 'nodes').length;
    return { nodes, edges: all.length - nodes };
  });
}

/**
 * Opens a saved view as the investigator does ("Open view", a file), and resolves once the scene is
 * fetched, drawn and laid out; ms from choosing the file. A view the app could not restore whole fails.
 */
export async function openView(page: Page, view: unknown, timeoutMs: number): Promise<number> {
  const buffer = Buffer.from(JSON.stringify(view));
  const started = performance.now();
  await page
    .getByTestId('open-file-input')
    .setInputFiles({ name: 'bench-view.json', mimeType: 'application/json', buffer });
  await page.waitForFunction(() => (window as unknown as { __ringtrace: Hook }).__ringtrace.scene().nodes > 0, null, {
    timeout: timeoutMs,
  });
  await idle(page);
  const ms = performance.now() - started;
  const notices = await page.getByTestId('notice').allTextContents();
  const problem = notices.find((n) => /could not|failed/i.test(n));
  if (problem) throw new Error(`the view did not open whole: ${problem}`);
  return ms;
}

/** Lets the canvas finish its full-quality redraw (and the minimap its thumbnail) after a change. */
export async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
