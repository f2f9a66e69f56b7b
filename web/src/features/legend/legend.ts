/**
 * The legend's rows: every kind and relationship type of the model with how many are on the scene and
 * how many the database holds (the overview's counts), and whether the investigator filtered it out.
 * Kinds with nothing on the scene come after those on it, so the legend reads as "what am I looking at".
 */

import type { StyleModel } from '../../canvas/model-style';
import type { Scene } from '../../scene/types';

export interface LegendRow {
  readonly name: string;
  readonly label: string;
  readonly colour: string;
  /** Kinds only. */
  readonly icon?: string;
  readonly onScene: number;
  /** In the database; undefined until the overview has loaded. */
  readonly inDatabase: number | undefined;
  readonly hidden: boolean;
}

export interface Legend {
  readonly kinds: readonly LegendRow[];
  readonly links: readonly LegendRow[];
}

export interface DatabaseCounts {
  readonly kinds: ReadonlyMap<string, number>;
  readonly links: ReadonlyMap<string, number>;
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const onSceneFirst = (a: LegendRow, b: LegendRow) => Number(b.onScene > 0) - Number(a.onScene > 0);

export function legendOf(model: StyleModel, scene: Scene, database: DatabaseCounts | undefined): Legend {
  const kindCounts = countBy(Object.values(scene.nodes), (n) => n.entity.kind);
  const linkCounts = countBy(Object.values(scene.links), (l) => l.type);
  const kinds = model.kinds
    .filter((k) => !k.system)
    .map((k) => ({
      name: k.name,
      label: k.name,
      colour: k.display.colour,
      icon: k.display.icon,
      onScene: kindCounts.get(k.name) ?? 0,
      inDatabase: database?.kinds.get(k.name),
      hidden: scene.filters.hiddenKinds.includes(k.name),
    }))
    .sort(onSceneFirst); // stable: the model's order within each part
  const links = model.relationships
    .map((r) => ({
      name: r.name,
      label: r.display.label,
      colour: r.display.colour,
      onScene: linkCounts.get(r.name) ?? 0,
      inDatabase: database?.links.get(r.name),
      hidden: scene.filters.hiddenLinkTypes.includes(r.name),
    }))
    .sort(onSceneFirst);
  return { kinds, links };
}
