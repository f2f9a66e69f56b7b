/**
 * Keeps the canvas equal to the scene: after every change, the view of the new scene is diffed against
 * what the canvas last drew and only the patch goes to `cy`. A new canvas (remount) starts from nothing.
 */

import { useEffect, useRef } from 'react';
import type { ApplyOptions, Canvas } from '../canvas/create-canvas';
import { diffElements, isEmptyPatch, sceneToElements } from '../scene';
import type { ElementData, Scene } from '../scene/types';

export function useCanvasSync(canvas: Canvas | null, scene: Scene, nextLayout: { current: ApplyOptions | null }) {
  const drawn = useRef<{ canvas: Canvas | null; elements: readonly ElementData[] }>({ canvas: null, elements: [] });
  useEffect(() => {
    if (!canvas) return;
    if (drawn.current.canvas !== canvas) drawn.current = { canvas, elements: [] };
    const next = sceneToElements(scene);
    const patch = diffElements(drawn.current.elements, next);
    drawn.current = { canvas, elements: next };
    const options = nextLayout.current ?? {};
    nextLayout.current = null;
    if (!isEmptyPatch(patch) || options.trail || options.relayout) void canvas.apply(patch, options);
  }, [canvas, scene, nextLayout]);
}
