/**
 * A read-only window onto the canvas for browser tests and for support ("what is on your canvas?" in
 * the devtools console): `window.__ringtrace.elements()` lists the drawn elements (ids, classes, labels,
 * screen positions), `scene()` the scene's selection, highlight and history depth, and `idle()`
 * resolves once every request and layout asked for so far is done. It changes nothing.
 */

import type { Canvas, DrawnElement } from '../canvas/create-canvas';
import type { History } from '../scene/types';

export interface RingtraceHook {
  elements(): DrawnElement[];
  scene(): {
    readonly nodes: number;
    readonly selection: readonly string[];
    readonly highlight: History['present']['highlight'];
    readonly layout: string;
    readonly undoSteps: number;
    readonly redoSteps: number;
  };
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __ringtrace?: RingtraceHook;
  }
}

export function installTestHook(get: {
  canvas(): Canvas | null;
  history(): History;
  pending(): Promise<unknown>;
}): () => void {
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  window.__ringtrace = {
    elements: () => get.canvas()?.elements() ?? [],
    scene: () => {
      const h = get.history();
      return {
        nodes: Object.keys(h.present.nodes).length,
        selection: h.present.selection,
        highlight: h.present.highlight,
        layout: h.present.layout,
        undoSteps: h.past.length,
        redoSteps: h.future.length,
      };
    },
    async idle() {
      // A request may end in a step whose patch starts a layout: wait until both settle twice in a row.
      for (let i = 0; i < 2; i++) {
        await get.pending();
        await frame();
        await get.canvas()?.idle();
        await frame();
      }
    },
  };
  return () => {
    delete window.__ringtrace;
  };
}
