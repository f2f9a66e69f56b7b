import type { Scene } from '../types';

/** A new investigation: nothing on the canvas, no filters, the default layout. */
export function emptyScene(): Scene {
  return {
    nodes: {},
    links: {},
    rollups: {},
    expansions: [],
    selection: [],
    highlight: null,
    filters: { hiddenKinds: [], hiddenLinkTypes: [] },
    layout: 'fcose',
  };
}

/** A command: a pure step from one scene to the next. Returns the same object when nothing changes. */
export type Command = (scene: Scene) => Scene;
