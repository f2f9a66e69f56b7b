/**
 * The targets of issue 4, item 8: at least 30 frames per second while panning and while zooming a scene
 * of 10,000 elements (judged on the larger of the scenes when it has at least that many), and 200
 * nodes added and laid out on a 2,000-element scene in under a second.
 */
import type { Verdict } from '../targets.js';

export const MIN_FPS = 30;
export const FPS_ELEMENTS = 10_000;
export const MAX_ADD_MS = 1000;

export function fpsVerdict(elements: number, pan: number, zoom: number): Verdict | undefined {
  if (elements < FPS_ELEMENTS) return undefined;
  const worst = Math.min(pan, zoom);
  return {
    target: `>=${MIN_FPS}fps`,
    pass: worst >= MIN_FPS,
    actual: `pan ${pan.toFixed(1)}, zoom ${zoom.toFixed(1)} fps (${(worst / MIN_FPS).toFixed(2)}x target)`,
  };
}

export function addVerdict(ms: number): Verdict {
  return {
    target: `<${MAX_ADD_MS / 1000}s`,
    pass: ms < MAX_ADD_MS,
    actual: `${(ms / 1000).toFixed(2)} s (${(ms / MAX_ADD_MS).toFixed(2)}x target)`,
  };
}
