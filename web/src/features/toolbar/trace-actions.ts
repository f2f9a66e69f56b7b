/**
 * Which traces the selection allows, and why not when it does not: the toolbar shows the reason as the
 * button's tooltip instead of a button that silently does nothing. Pure.
 */

import { MONEY_KINDS } from '../../canvas/context-menu';

export interface SelectedEntity {
  readonly id: string;
  readonly kind: string;
}

export interface TraceAction {
  readonly enabled: boolean;
  /** Tooltip: what it does, or what to select first. */
  readonly hint: string;
}

export interface TraceActions {
  readonly paths: TraceAction;
  readonly network: TraceAction;
  readonly money: TraceAction;
}

/** The API's bound on connectingNetwork seeds. */
export const NETWORK_MAX = 10;

export function traceActions(selected: readonly SelectedEntity[]): TraceActions {
  const n = selected.length;
  const first = selected[0];
  return {
    paths:
      n === 2
        ? { enabled: true, hint: 'Shortest paths between the two selected nodes' }
        : { enabled: false, hint: `Select exactly two nodes (Ctrl+click the second); ${n} selected` },
    network:
      n >= 2 && n <= NETWORK_MAX
        ? { enabled: true, hint: `The smallest network joining the ${n} selected nodes` }
        : { enabled: false, hint: `Select 2 to ${NETWORK_MAX} nodes; ${n} selected` },
    money:
      n === 1 && first && MONEY_KINDS.has(first.kind)
        ? { enabled: true, hint: 'Follow payments and transfers from here, left to right' }
        : { enabled: false, hint: 'Select one victim or wallet to follow its money' },
  };
}
