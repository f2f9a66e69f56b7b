/**
 * When the minimap redraws its thumbnail (a `cy.png` of the whole graph, about 0.5 s at 10k elements):
 * once the graph has stopped changing for `delayMs`, and never while the viewport moves — a redraw due
 * then waits until the viewport has been still for `delayMs`. Viewport motion alone never redraws it.
 */

export interface RedrawScheduler {
  /** Elements were added, removed or moved. */
  changed(): void;
  /** The viewport panned or zoomed. */
  moved(): void;
  cancel(): void;
}

export function scheduleRedraws(redraw: () => void, delayMs = 300, now = () => Date.now()): RedrawScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastMove = -Infinity;
  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  const fire = () => {
    timer = undefined;
    const still = now() - lastMove;
    if (still < delayMs) arm(delayMs - still);
    else redraw();
  };
  return {
    changed: () => arm(delayMs),
    moved: () => {
      lastMove = now();
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
