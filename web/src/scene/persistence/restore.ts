/**
 * A saved view back on the scene, from the entities and links the api found by id. What is gone (an
 * entity or link no longer in the store, a link whose end is gone) is named and the rest restored.
 */
import { addSubgraph } from '../commands/add';
import { emptyScene } from '../commands/empty';
import { setHighlight } from '../commands/highlight';
import { recordPositions } from '../commands/layout';
import { pinNodes } from '../commands/pin';
import { select } from '../commands/selection';
import { hideNodes } from '../commands/visibility';
import type { GraphEntity, GraphLink, Position, Scene } from '../types';
import type { SavedView } from './saved-view';

export interface RestoreProblem {
  readonly kind: 'missing-entity' | 'missing-link' | 'dangling-link' | 'not-restored';
  readonly id: string;
  readonly message: string;
}

export interface Restored {
  readonly scene: Scene;
  readonly problems: readonly RestoreProblem[];
}

/** The ids to ask the api for (entities, then links), in the view's order. */
export const idsToFetch = (view: SavedView) => ({ entities: view.nodes.map((n) => n.id), links: [...view.links] });

export function restore(
  view: SavedView,
  fetched: { readonly entities: readonly GraphEntity[]; readonly links: readonly GraphLink[] },
): Restored {
  const problems: RestoreProblem[] = [];
  const wantedNodes = new Set(view.nodes.map((n) => n.id));
  const wantedLinks = new Set(view.links);
  // Only what was asked: a stale cache handing back more must not grow the view.
  const entities = fetched.entities.filter((e) => wantedNodes.has(e.id));
  const found = new Set(entities.map((e) => e.id));
  for (const id of wantedNodes) {
    if (!found.has(id)) problems.push({ kind: 'missing-entity', id, message: `entity ${id} is no longer in the data` });
  }
  const links: GraphLink[] = [];
  const foundLinks = new Set<string>();
  for (const link of fetched.links) {
    if (!wantedLinks.has(link.id)) continue;
    foundLinks.add(link.id);
    const gone = [link.from, link.to].find((end) => !found.has(end));
    if (gone === undefined) links.push(link);
    else
      problems.push({
        kind: 'dangling-link',
        id: link.id,
        message: `link ${link.id} left out: its end ${gone} is not restored`,
      });
  }
  for (const id of wantedLinks) {
    if (!foundLinks.has(id))
      problems.push({ kind: 'missing-link', id, message: `link ${id} is no longer in the data` });
  }

  let scene = addSubgraph(emptyScene(), { entities, links });
  const positions: Record<string, Position> = {};
  for (const node of view.nodes) if (node.position && found.has(node.id)) positions[node.id] = node.position;
  scene = recordPositions(scene, positions);
  scene = pinNodes(
    scene,
    view.nodes.filter((n) => n.pinned).map((n) => n.id),
  );
  scene = { ...scene, filters: view.filters, layout: view.layout };
  // Selection after filters and hiding: what is not drawn cannot be selected.
  scene = hideNodes(
    scene,
    view.nodes.filter((n) => n.hidden).map((n) => n.id),
  );
  scene = select(scene, view.selection);
  const reported = new Set(problems.map((p) => p.id));
  for (const id of view.selection) {
    if (!scene.selection.includes(id) && !reported.has(id)) {
      problems.push({ kind: 'not-restored', id, message: `selection: ${id} is not drawn on the restored scene` });
    }
  }
  if (view.highlight) {
    scene = setHighlight(scene, view.highlight);
    if (!scene.highlight) {
      problems.push({
        kind: 'not-restored',
        id: view.highlight.kind,
        message: 'highlight: none of its entities was restored',
      });
    }
  }
  return { scene, problems };
}
