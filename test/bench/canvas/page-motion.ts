/**
 * What runs inside the page to time panning and zooming: the investigator's gestures as DOM events on
 * Cytoscape's canvas, one per animation frame (a drag round a circle on the background, then the wheel
 * in and out at the centre), while every requestAnimationFrame is counted. Cytoscape draws in its own
 * requestAnimationFrame callback whenever the viewport changed, so a frame that takes long to draw
 * delays the next one: frames per second is what the investigator sees. The gestures go through
 * Cytoscape's own input handlers (its "viewport moving" state, the app's `viewport` listener), never
 * through a `cy` call. Self-contained (no imports, no closures): playwright sends its source to the page.
 */

export interface MotionOptions {
  /** Drag-panning time, then as long wheel-zooming. */
  readonly phaseMs: number;
  /** The canvas container (`[data-testid="canvas"]`). */
  readonly selector: string;
}

export interface PhaseFrames {
  readonly frames: number;
  readonly ms: number;
  readonly fps: number;
  /** Frame intervals, ms. */
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export interface MotionResult {
  readonly pan: PhaseFrames;
  readonly zoom: PhaseFrames;
  readonly all: PhaseFrames;
  /** A node's screen position before and after: the viewport did move. */
  readonly moved: number;
  /** Classes of the first element right after the last frame (the app's `viewport-moving` while moving). */
  readonly classesAtEnd: readonly string[];
}

interface DrawnLike {
  readonly group: string;
  readonly classes: readonly string[];
  readonly rendered: { readonly x: number; readonly y: number };
}

export async function panAndZoom(o: MotionOptions): Promise<MotionResult> {
  const container = document.querySelector(o.selector);
  if (!container) throw new Error(`no ${o.selector} on the page`);
  const hook = (window as unknown as { __ringtrace: { elements(): DrawnLike[] } }).__ringtrace;
  const box = container.getBoundingClientRect();
  const before = hook.elements().filter((e) => e.group === 'nodes');

  // Where a drag pans: the background point farthest from every node, off the minimap's corner.
  let start = { x: box.width * 0.3, y: box.height * 0.5 };
  let best = -1;
  for (let gx = 1; gx < 10; gx++)
    for (let gy = 1; gy < 10; gy++) {
      const x = (box.width * gx) / 10;
      const y = (box.height * gy) / 10;
      if (x > box.width * 0.65 && y > box.height * 0.6) continue;
      let nearest = Infinity;
      for (const n of before) nearest = Math.min(nearest, Math.hypot(n.rendered.x - x, n.rendered.y - y));
      if (nearest > best) {
        best = nearest;
        start = { x, y };
      }
    }
  const at = (x: number, y: number) => ({ clientX: box.left + x, clientY: box.top + y });
  const target = document.elementFromPoint(box.left + start.x, box.top + start.y);
  if (!target || !container.contains(target)) throw new Error('the canvas is covered where the drag starts');
  const centre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) ?? target;

  const stamps: number[] = [];
  let phaseSwitch = 0;
  await new Promise<void>((resolve) => {
    let t0 = -1;
    let dragging = false;
    const tick = (now: number) => {
      if (t0 < 0) t0 = now;
      stamps.push(now);
      const t = now - t0;
      if (t < o.phaseMs) {
        // Drag round a circle of 120 px, a turn each 1.5 s.
        const angle = (2 * Math.PI * t) / 1500;
        const p = at(start.x + 120 * Math.cos(angle) - 120, start.y + 120 * Math.sin(angle));
        if (!dragging) {
          dragging = true;
          target.dispatchEvent(
            new MouseEvent('mousedown', { ...at(start.x, start.y), button: 0, buttons: 1, bubbles: true }),
          );
        }
        target.dispatchEvent(new MouseEvent('mousemove', { ...p, button: 0, buttons: 1, bubbles: true }));
      } else if (t < 2 * o.phaseMs) {
        if (dragging) {
          dragging = false;
          phaseSwitch = stamps.length - 1;
          window.dispatchEvent(new MouseEvent('mouseup', { ...at(start.x, start.y), button: 0, bubbles: true }));
        }
        // The wheel in for 15 frames, out for the next 15 (a symmetric zoom, ~1.5x either way at the
        // steps Cytoscape settles on). Its first few events sample the wheel's step: alternate them.
        const step = stamps.length - 1 - phaseSwitch;
        const inward = step < 6 ? step % 2 === 0 : Math.floor((step - 6) / 15) % 2 === 0;
        centre.dispatchEvent(
          new WheelEvent('wheel', {
            ...at(box.width / 2, box.height / 2),
            deltaY: inward ? -40 : 40,
            bubbles: true,
            cancelable: true,
          }),
        );
      } else return resolve();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const classesAtEnd = hook.elements()[0]?.classes ?? [];
  const after = hook.elements().filter((e) => e.group === 'nodes');
  const moved =
    before[0] && after[0]
      ? Math.hypot(after[0].rendered.x - before[0].rendered.x, after[0].rendered.y - before[0].rendered.y)
      : 0;

  const frames = (s: number[]): PhaseFrames => {
    const gaps = s
      .slice(1)
      .map((v, i) => v - s[i]!)
      .sort((a, b) => a - b);
    const ms = s.length > 1 ? s[s.length - 1]! - s[0]! : 0;
    const q = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] ?? 0;
    return {
      frames: gaps.length,
      ms,
      fps: ms > 0 ? (gaps.length * 1000) / ms : 0,
      p50: q(0.5),
      p95: q(0.95),
      max: gaps.at(-1) ?? 0,
    };
  };
  return {
    pan: frames(stamps.slice(0, phaseSwitch + 1)),
    zoom: frames(stamps.slice(phaseSwitch)),
    all: frames(stamps),
    moved,
    classesAtEnd,
  };
}
