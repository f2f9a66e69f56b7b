/**
 * Cytoscape's performance guide for large graphs: while the investigator pans or zooms a scene of
 * `threshold` elements or more, draw no labels and no arrows — nor anything else: Cytoscape's
 * `textureOnViewport` shows a bitmap of the last full frame during the gesture and redraws at full
 * quality once it ends. Below the threshold everything is drawn live (cheap enough, and sharper).
 *
 * Why not restyle: putting a class on every element when a gesture starts (and off when a rest timer
 * fired) made Cytoscape throw away its texture caches each time, and on a slow frame the timer fired
 * mid-gesture, so it toggled every frame: 2 fps at 10k. The renderer flag costs nothing per frame.
 * `textureOnViewport` is a renderer field Cytoscape reads on every frame (the init option of the same
 * name only sets it once), so the scene's size can switch it.
 */

import type { Core } from 'cytoscape';

export interface ViewportPerformanceOptions {
  /** Elements from which the viewport moves as a bitmap, without labels and arrows being drawn. */
  readonly threshold?: number;
}

export interface ViewportPerformance {
  /** Call after the scene changed size. */
  update(): void;
  /** Whether the next gesture moves a bitmap (labels and arrows not drawn). */
  readonly texturing: boolean;
}

interface RendererFlags {
  textureOnViewport?: boolean;
}

export function textureWhileMoving(cy: Core, options: ViewportPerformanceOptions = {}): ViewportPerformance {
  const threshold = options.threshold ?? 800;
  const renderer = (): RendererFlags | undefined =>
    (cy as unknown as { renderer(): RendererFlags | undefined }).renderer();
  const handle = {
    texturing: false,
    update() {
      handle.texturing = cy.elements().length >= threshold;
      const r = renderer();
      if (r) r.textureOnViewport = handle.texturing;
    },
  };
  handle.update();
  return handle;
}
