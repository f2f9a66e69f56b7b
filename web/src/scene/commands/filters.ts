import { keepSelectable } from '../selectable';
import type { Filters, Scene } from '../types';

const toggle = (list: readonly string[], value: string): string[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

function withFilters(scene: Scene, filters: Filters): Scene {
  return keepSelectable({ ...scene, filters });
}

/** Shows or hides every node of a kind (the legend's checkboxes). */
export const toggleKind = (scene: Scene, kind: string): Scene =>
  withFilters(scene, { ...scene.filters, hiddenKinds: toggle(scene.filters.hiddenKinds, kind) });

/** Shows or hides every link of a relationship type. */
export const toggleLinkType = (scene: Scene, type: string): Scene =>
  withFilters(scene, { ...scene.filters, hiddenLinkTypes: toggle(scene.filters.hiddenLinkTypes, type) });

/** Every kind and link type shown again. */
export const clearFilters = (scene: Scene): Scene =>
  scene.filters.hiddenKinds.length === 0 && scene.filters.hiddenLinkTypes.length === 0
    ? scene
    : { ...scene, filters: { hiddenKinds: [], hiddenLinkTypes: [] } };
