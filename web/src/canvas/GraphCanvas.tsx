import { useEffect, useRef } from 'react';
import type { MenuContext } from './context-menu';
import { createCanvas, type Canvas, type CanvasEvents } from './create-canvas';
import type { StyleModel } from './model-style';

interface Props {
  readonly model: StyleModel;
  /** Read when an event fires, so the latest handlers run without recreating `cy`. */
  readonly events: { readonly current: CanvasEvents };
  readonly menu: MenuContext;
  /** Told the canvas once it exists, and `null` when it goes away. */
  readonly onReady: (canvas: Canvas | null) => void;
}

const NAVIGATOR_ID = 'ringtrace-navigator';

/** Hosts the Cytoscape canvas in React: creates it on mount, destroys it on unmount, restyles on a new model. */
export function GraphCanvas({ model, events, menu, onReady }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<Canvas | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  const initial = useRef({ model, menu });

  useEffect(() => {
    if (!container.current) return;
    const relay: CanvasEvents = {
      select: (ids, mode) => events.current.select(ids, mode),
      clearSelection: () => events.current.clearSelection(),
      expand: (id) => events.current.expand(id),
      openMore: (id) => events.current.openMore(id),
      moved: (p) => events.current.moved(p),
      placed: (p) => events.current.placed(p),
      menu: (c) => events.current.menu(c),
    };
    const created = createCanvas({
      container: container.current,
      navigatorId: NAVIGATOR_ID,
      model: initial.current.model,
      menu: initial.current.menu,
      events: relay,
    });
    canvas.current = created;
    ready.current(created);
    return () => {
      ready.current(null);
      canvas.current = null;
      created.destroy();
    };
  }, [events]);

  useEffect(() => {
    if (canvas.current && model !== initial.current.model) canvas.current.setModel(model);
  }, [model]);

  return (
    <div className="canvas-wrap">
      <div ref={container} className="canvas" data-testid="canvas" />
      <div id={NAVIGATOR_ID} className="navigator" aria-hidden="true" />
    </div>
  );
}
