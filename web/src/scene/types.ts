/**
 * The scene as plain data: what the investigator has put on the canvas. No React, no Cytoscape, no fetch
 * here or anywhere in scene/: commands are pure functions `(scene, ...) => scene`, so undo/redo is a
 * list of scenes and every command is unit-tested in Node.
 *
 * Flow: api (transport) -> scene commands -> `sceneToElements` (view: what should be drawn) ->
 * `diffElements(previous, next)` (a patch) -> canvas layer applies the patch to `cy` inside `cy.batch`.
 * Positions flow back from the canvas as a command (`recordPositions`) so saving and undo keep them.
 */

/** An entity as the API returns it (subset the canvas uses). */
export interface GraphEntity {
  readonly id: string;
  readonly kind: string;
  readonly caption: string;
  readonly properties: Readonly<Record<string, unknown>>;
  /**
   * Properties the server withheld from this session (personal data needs personal:read): set, but not
   * sent. Shown as "withheld", never as blank. Absent or empty when nothing was.
   */
  readonly withheld?: readonly string[];
}

/** A link as the API returns it. */
export interface GraphLink {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Calls, payments or transfers of one type between two entities, summed (the API's `Rollup`). */
export interface Rollup {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** Exact decimal strings per asset; empty for calls. */
  readonly totals: ReadonlyArray<{ readonly asset: string; readonly amount: string }>;
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  readonly linkIds: readonly string[];
}

/** A bound an API answer hit (the API's `Truncation`). */
export interface Truncation {
  readonly bound: string;
  readonly value: number;
  readonly omitted: number;
}

/** What one API answer adds to the scene (neighbourhood, paths, connecting network, search hit). */
export interface SubgraphData {
  readonly entities: readonly GraphEntity[];
  readonly links: readonly GraphLink[];
  readonly rollups?: readonly Rollup[];
  readonly truncated?: readonly Truncation[];
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface SceneNode {
  readonly entity: GraphEntity;
  /** Last position the canvas reported (absent until laid out). */
  readonly position?: Position;
  readonly pinned: boolean;
  readonly hidden: boolean;
}

/** Why something is on the scene: an expansion can be collapsed (its additions removed) as one step. */
export interface Expansion {
  readonly id: string;
  /** The node(s) expanded, and with which relationship types (empty: all). */
  readonly seeds: readonly string[];
  readonly linkTypes: readonly string[];
  readonly depth: number;
  /**
   * Nodes and links this expansion brought that were not on the scene before, or were there only because
   * another expansion brought them (then both hold them; collapsing one keeps them). The investigator's
   * own add takes its elements out of every expansion's lists (see commands/add.ts).
   */
  readonly addedNodes: readonly string[];
  readonly addedLinks: readonly string[];
  /** Bounds the answer hit: drawn as an "N more" marker on the seed, which can be opened. */
  readonly truncated: readonly Truncation[];
}

/** A highlighted trace (paths, connecting network, money trail, what a query returned): the rest is dimmed. */
export interface Highlight {
  readonly kind: 'paths' | 'network' | 'money' | 'query';
  readonly nodes: readonly string[];
  readonly links: readonly string[];
}

export type LayoutName = 'fcose' | 'concentric' | 'dagre' | 'grid' | 'preset';

export interface Filters {
  readonly hiddenKinds: readonly string[];
  readonly hiddenLinkTypes: readonly string[];
}

export interface Scene {
  /** By entity id. */
  readonly nodes: Readonly<Record<string, SceneNode>>;
  /** By link id. */
  readonly links: Readonly<Record<string, GraphLink>>;
  /** Rollups by `${type}|${from}|${to}` as last reported by the API. */
  readonly rollups: Readonly<Record<string, Rollup>>;
  readonly expansions: readonly Expansion[];
  /** Selected entity ids and link ids (or aggregate edge ids, see ElementData). */
  readonly selection: readonly string[];
  readonly highlight: Highlight | null;
  readonly filters: Filters;
  readonly layout: LayoutName;
}

/** Undo/redo: scenes, newest last. Commands that only move the viewport are not recorded. */
export interface History {
  readonly past: readonly Scene[];
  readonly present: Scene;
  readonly future: readonly Scene[];
}

/**
 * What should be drawn, as Cytoscape-shaped plain data (the canvas layer hands it to cy as is).
 * Nodes: one per visible entity, data.id = entity id. Edges: one per visible (type, from, to) pair:
 * event links (many CALLED between a number and a victim) are drawn as ONE edge labelled with the
 * rollup (count, sums per asset), id `agg:${type}|${from}|${to}`, `data.linkIds` lists the links.
 * "N more" markers: a node `more:${expansionId}` with class `more`, edged to its seed.
 */
export interface ElementData {
  readonly group: 'nodes' | 'edges';
  readonly data: Readonly<Record<string, unknown>> & { readonly id: string };
  /** Space-separated classes: kind-<Kind>, selected, dimmed, highlighted, pinned, more... */
  readonly classes: string;
  readonly position?: Position;
}

/** The change from one drawing to the next; applied to cy inside one `cy.batch`. */
export interface ElementPatch {
  readonly add: readonly ElementData[];
  readonly remove: readonly string[];
  /** Elements whose data or classes changed (full new value; the canvas replaces data/classes). */
  readonly update: readonly ElementData[];
  /** Position changes that came from the scene (restore, preset, undo), not from the canvas. */
  readonly move: ReadonlyArray<{ readonly id: string; readonly position: Position }>;
}
