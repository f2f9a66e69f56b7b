/**
 * Debian's chromium, headless, driven by playwright-core as the browser tests drive it (never a
 * downloaded browser), and what the page is drawn with: this machine has no GPU, so the canvas, the
 * compositing and the rasterisation are software (chrome://gpu says which), WebGL is SwiftShader.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from '../../browser/chromium.js';

export { CHROMIUM };
export const VIEWPORT = { width: 1400, height: 900 } as const;

export const haveChromium = () => existsSync(CHROMIUM);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * A page that runs functions compiled by tsx: esbuild names functions through a `__name` helper that
 * exists only in Node, so the page gets an identity one before any script runs.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await page.addInitScript('globalThis.__name = (f) => f;');
  return page;
}

export interface RendererInfo {
  readonly browser: string;
  /** chrome://gpu's feature status for Canvas, Compositing and Rasterization ("Software only..."). */
  readonly features: readonly string[];
  /** The WebGL renderer (SwiftShader without a GPU), or why there is none. */
  readonly webgl: string;
  readonly devicePixelRatio: number;
}

export async function rendererInfo(browser: Browser): Promise<RendererInfo> {
  const page = await newPage(browser);
  try {
    const webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      if (!gl) return 'unavailable';
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    });
    const devicePixelRatio = await page.evaluate(() => window.devicePixelRatio);
    let features: string[] = [];
    try {
      await page.goto('chrome://gpu');
      await page.waitForTimeout(1000);
      // The status list lives in shadow roots: walk them for the text.
      const text = await page.evaluate(() => {
        const out: string[] = [];
        const walk = (n: Node) => {
          if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return;
          const shadow = (n as Element).shadowRoot;
          if (shadow) walk(shadow);
          if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '');
          n.childNodes.forEach(walk);
        };
        walk(document.body);
        return out.join(' ').replace(/\s+/g, ' ');
      });
      features = ['Canvas', 'Compositing', 'Rasterization'].flatMap((name) => {
        const m = new RegExp(`\\* ${name}: ([^*]+)`).exec(text);
        return m ? [`${name}: ${m[1]!.trim()}`] : [];
      });
    } catch {
      features = ['chrome://gpu did not answer'];
    }
    return { browser: browser.version(), features, webgl, devicePixelRatio };
  } finally {
    await page.close();
  }
}
