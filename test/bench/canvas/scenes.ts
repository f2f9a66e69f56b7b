/**
 * The scenes the canvas benchmark opens, built from the loaded case as an investigator would have built
 * them: starting at a hub, every entity expanded in breadth-first order with the app's default cap (the
 * first 100 neighbours by id, as the store keeps them), until the canvas would draw the wanted number
 * of elements (nodes plus one edge per type and ordered pair, as the scene's view rolls links up). The
 * scene is written as a saved view (ids only: the app fetches the data and lays it out), with the hub
 * selected. The hub's first `add` neighbours by id, the ones an expansion capped at `add` brings, are
 * kept off every scene, so expanding the hub adds exactly `add` nodes.
 */
import type { GraphStore } from '@ringtrace/server/store/port.js';

/** The app's default expansion cap (web/src/app/operations.ts EXPAND_CAP). */
const EXPAND_CAP = 100;

interface Edge {
  readonly link: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

export interface CaseGraph {
  /** Every link of an entity, both directions. */
  readonly edges: ReadonlyMap<string, readonly Edge[]>;
  /** Distinct neighbours, sorted by id (the store's tie order). */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
}

/** The saved view format of web/src/scene/persistence/saved-view.ts (version 1). */
export interface SavedViewJson {
  readonly format: 'ringtrace-view';
  readonly version: 1;
  readonly nodes: ReadonlyArray<{ readonly id: string }>;
  readonly links: readonly string[];
  readonly filters: { readonly hiddenKinds: string[]; readonly hiddenLinkTypes: string[] };
  readonly selection: readonly string[];
  readonly layout: 'fcose';
  readonly highlight: null;
}

export interface BenchScene {
  readonly view: SavedViewJson;
  /** What the canvas should draw: nodes, and edges after the rollup. */
  readonly nodes: number;
  readonly edges: number;
  readonly links: number;
}

export async function readGraph(store: GraphStore): Promise<CaseGraph> {
  const { rows, truncated } = await store.runRead(
    'MATCH (a)-[r]->(b) RETURN a, label(r), r, b',
    {},
    {
      rowCap: 100_000,
    },
  );
  if (truncated) throw new Error('the case has more than 100,000 links: use a smaller --canvas-scale');
  const edges = new Map<string, Edge[]>();
  const near = new Map<string, Set<string>>();
  const push = (id: string, edge: Edge, other: string) => {
    (edges.get(id) ?? edges.set(id, []).get(id)!).push(edge);
    (near.get(id) ?? near.set(id, new Set()).get(id)!).add(other);
  };
  for (const [from, type, link, to] of rows as (readonly string[])[]) {
    const edge = { link: link!, type: type!, from: from!, to: to! };
    push(edge.from, edge, edge.to);
    push(edge.to, edge, edge.from);
  }
  const neighbours = new Map([...near].map(([id, set]) => [id, [...set].sort()]));
  return { edges, neighbours };
}

/**
 * The entity to expand: the one with the fewest neighbours among those with at least `add + 50` (some
 * stay on the scene besides the `add` the expansion brings), ties by id.
 */
export function pickHub(
  graph: CaseGraph,
  add: number,
): { readonly hub: string; readonly brought: ReadonlySet<string> } {
  let best: [string, number] | undefined;
  for (const [id, list] of graph.neighbours) {
    if (list.length < add + 50) continue;
    if (!best || list.length < best[1] || (list.length === best[1] && id < best[0])) best = [id, list.length];
  }
  if (!best) throw new Error(`no entity has ${add + 50} neighbours: use a larger case`);
  return { hub: best[0], brought: new Set(graph.neighbours.get(best[0])!.slice(0, add)) };
}

export function buildScene(graph: CaseGraph, hub: string, excluded: ReadonlySet<string>, elements: number): BenchScene {
  const nodes = new Set<string>();
  const pairs = new Set<string>();
  const links = new Set<string>();
  const add = (id: string) => {
    nodes.add(id);
    for (const e of graph.edges.get(id) ?? []) {
      const other = e.from === id ? e.to : e.from;
      if (!nodes.has(other) || links.has(e.link)) continue;
      links.add(e.link);
      pairs.add(`${e.type}|${e.from}|${e.to}`);
    }
  };
  add(hub);
  const queue = [hub];
  for (let i = 0; i < queue.length && nodes.size + pairs.size < elements; i++) {
    const next = (graph.neighbours.get(queue[i]!) ?? []).filter((n) => !excluded.has(n)).slice(0, EXPAND_CAP);
    for (const id of next) {
      if (nodes.size + pairs.size >= elements) break;
      if (nodes.has(id)) continue;
      add(id);
      queue.push(id);
    }
  }
  if (nodes.size + pairs.size < elements)
    throw new Error(`the case reaches only ${nodes.size + pairs.size} elements from ${hub}: use a larger case`);
  return {
    view: {
      format: 'ringtrace-view',
      version: 1,
      nodes: [...nodes].map((id) => ({ id })),
      links: [...links],
      filters: { hiddenKinds: [], hiddenLinkTypes: [] },
      selection: [hub],
      layout: 'fcose',
      highlight: null,
    },
    nodes: nodes.size,
    edges: pairs.size,
    links: links.size,
  };
}
