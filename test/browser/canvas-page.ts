/**
 * The workspace page as the tests drive it: real clicks at the positions the canvas reports, and reads
 * through the read-only test hook (`window.__ringtrace`, web/src/app/test-hook.ts).
 */

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './harness.js';

export interface Drawn {
  id: string;
  group: 'nodes' | 'edges';
  classes: string[];
  label: string;
  source?: string;
  target?: string;
  rendered: { x: number; y: number };
  position?: { x: number; y: number };
}

export interface SceneSummary {
  nodes: number;
  selection: string[];
  highlight: { kind: string; nodes: string[]; links: string[] } | null;
  layout: string;
  undoSteps: number;
  redoSteps: number;
}

interface Hook {
  elements(): Drawn[];
  scene(): SceneSummary;
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __ringtrace?: Hook;
  }
}

export class CanvasPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** Opens the workspace at a URL that signs in (World.link) or in a tab signed in already. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.ready();
  }

  /**
   * The workspace is up (signed in, model loaded) and idle. A page that stopped instead (the sign-in
   * screen, or the app's "could not load" message) fails at once with what it says.
   */
  async ready(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        window.__ringtrace !== undefined ||
        document.querySelector('[data-testid="sign-in"], .page-message[role="alert"]') !== null,
      null,
      { timeout: 30_000 },
    );
    if (!(await this.page.evaluate(() => window.__ringtrace !== undefined))) {
      const text = await this.page.locator('#root').innerText();
      throw new Error(`the workspace did not open; the page says:\n${text}`);
    }
    await this.idle();
  }

  /** Opens a URL without a token, which shows the sign-in screen, and signs in there by pasting one. */
  async signIn(url: string, token: string): Promise<void> {
    await this.page.goto(url);
    await this.submitToken(token);
  }

  /** Pastes a token on the sign-in screen shown and waits for the workspace. */
  async submitToken(token: string): Promise<void> {
    await this.page.getByTestId('token-input').fill(token);
    await this.page.getByTestId('sign-in-submit').click();
    await this.page.getByTestId('sign-in').waitFor({ state: 'detached' });
    await this.ready();
  }

  /** Every request and layout asked for so far is done. */
  idle(): Promise<void> {
    return this.page.evaluate(() => window.__ringtrace!.idle());
  }

  elements(): Promise<Drawn[]> {
    return this.page.evaluate(() => window.__ringtrace!.elements());
  }

  scene(): Promise<SceneSummary> {
    return this.page.evaluate(() => window.__ringtrace!.scene());
  }

  async ids(group?: 'nodes' | 'edges'): Promise<string[]> {
    return (await this.elements())
      .filter((e) => !group || e.group === group)
      .map((e) => e.id)
      .sort();
  }

  async withClass(name: string): Promise<string[]> {
    return (await this.elements())
      .filter((e) => e.classes.includes(name))
      .map((e) => e.id)
      .sort();
  }

  /** Where an element is on the page (for a real mouse click). */
  async at(id: string): Promise<{ x: number; y: number }> {
    const element = (await this.elements()).find((e) => e.id === id);
    if (!element) throw new Error(`${id} is not on the canvas`);
    const box = await this.page.getByTestId('canvas').boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    return { x: box.x + element.rendered.x, y: box.y + element.rendered.y };
  }

  async click(id: string, modifier?: 'Control' | 'Shift'): Promise<void> {
    const { x, y } = await this.at(id);
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.click(x, y);
    if (modifier) await this.page.keyboard.up(modifier);
    await this.idle();
  }

  async doubleClick(id: string): Promise<void> {
    const { x, y } = await this.at(id);
    await this.page.mouse.dblclick(x, y);
    await this.settle();
  }

  /** After an action that starts a request: let it start, then wait for it and its layout. */
  async settle(): Promise<void> {
    await this.page.waitForTimeout(50);
    await this.idle();
  }

  /** Types into the search box and picks the hit with this id. */
  async searchAndAdd(text: string, id: string): Promise<void> {
    await this.page.getByTestId('search-input').fill(text);
    await this.page.locator(`[data-testid="search-hit"][data-id="${id}"]`).click();
    await this.settle();
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  }
}
