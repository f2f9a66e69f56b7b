/** The scene: plain data and pure commands (no React, Cytoscape or fetch). See types.ts for the flow. */
export type * from './types';
export { emptyScene, type Command } from './commands/empty';
export { addSubgraph, type AddOptions, type ExpansionRequest } from './commands/add';
export { removeNodes, removeLinks } from './commands/remove';
export { collapseExpansion } from './commands/collapse';
export { hideNodes, unhideNodes, unhideAll } from './commands/visibility';
export { pinNodes, unpinNodes } from './commands/pin';
export { select, selectNeighbours, clearSelection, type SelectMode } from './commands/selection';
export { setHighlight, clearHighlight } from './commands/highlight';
export { toggleKind, toggleLinkType, clearFilters } from './commands/filters';
export { setLayout, recordPositions, LAYOUTS } from './commands/layout';
export { apply, amend, undo, redo, canUndo, canRedo, createHistory, HISTORY_DEPTH } from './history';
export { aggregateId, moreId, moreEdgeId, pairKey, expansionId, parseAggregateId, parseMoreId } from './ids';
export { isNodeVisible, isLinkVisible } from './visibility';
export { isSelectable } from './selectable';
export { sceneToElements } from './view';
export { diffElements, applyPatchToElements, isEmptyPatch } from './diff';
export { edgeRollup, rollupLabel, type EdgeRollup } from './edge-rollup';
export { addDecimals, compareDecimals } from './decimal';
export { moneyTrail, trailPositions, showMoneyTrail, MONEY_LINK_TYPES, type MoneyTrail } from './money-trail';
export {
  toSavedView,
  parseSavedView,
  savedViewToJson,
  SAVED_VIEW_FORMAT,
  SAVED_VIEW_VERSION,
  type SavedView,
  type SavedNode,
  type ParseResult,
} from './persistence/saved-view';
export { restore, idsToFetch, type Restored, type RestoreProblem } from './persistence/restore';
export { viewToHash, viewFromHash, isViewHash, HASH_PREFIX, MAX_HASH_LENGTH, type HashResult } from './persistence/url';
export {
  entityTable,
  linkTable,
  sortRows,
  compareCells,
  toCsv,
  type Table,
  type Row,
  type Cell,
  type Column,
  type Direction,
} from './table';
