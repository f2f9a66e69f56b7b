/**
 * The radial menu on an entity node (cytoscape-cxtmenu: right-click, or a long press on touch). It only
 * says what was chosen; the app turns that into API calls and scene commands. Expanding by one
 * relationship type needs a list of types, too many for wedges: that wedge asks the app to show the
 * list (the model's types for the node's kind) at the node; so does "Run query…" (the saved queries that
 * take an id of the node's kind).
 */

import type { Core, Singular } from 'cytoscape';

export type NodeMenuCommand =
  | { readonly kind: 'expand'; readonly id: string; readonly linkTypes?: readonly string[] }
  | { readonly kind: 'expandBy'; readonly id: string; readonly at: { readonly x: number; readonly y: number } }
  | { readonly kind: 'collapse'; readonly id: string }
  | { readonly kind: 'hide'; readonly id: string }
  | { readonly kind: 'pin'; readonly id: string; readonly pinned: boolean }
  | { readonly kind: 'selectNeighbours'; readonly id: string }
  | { readonly kind: 'moneyTrail'; readonly id: string }
  | { readonly kind: 'pathsToSelected'; readonly id: string }
  | { readonly kind: 'runQuery'; readonly id: string; readonly at: { readonly x: number; readonly y: number } };

/** Kinds a money trail starts from (payments leave victims; transfers leave wallets). */
export const MONEY_KINDS: ReadonlySet<string> = new Set(['Victim', 'Wallet']);

export interface MenuContext {
  /** Whether an expansion was seeded at this node (so there is something to collapse). */
  readonly expandedFrom: (id: string) => boolean;
  /** Selected entity ids other than this node (the other ends for "paths to selected"). */
  readonly selectedOthers: (id: string) => readonly string[];
  /** How many saved queries take an id of this kind (for "Run query…"). */
  readonly queriesFor: (kind: string) => number;
}

/** Wedges for `node`, in the order cxtmenu draws them: counter-clockwise from the top. */
export function menuCommands(
  node: { id: string; kind: string; pinned: boolean; x: number; y: number },
  context: MenuContext,
): Array<{ label: string; command: NodeMenuCommand; enabled: boolean }> {
  const { id } = node;
  return [
    { label: 'Expand all', command: { kind: 'expand', id }, enabled: true },
    { label: 'Expand by type…', command: { kind: 'expandBy', id, at: { x: node.x, y: node.y } }, enabled: true },
    { label: 'Collapse', command: { kind: 'collapse', id }, enabled: context.expandedFrom(id) },
    { label: 'Hide', command: { kind: 'hide', id }, enabled: true },
    { label: node.pinned ? 'Unpin' : 'Pin', command: { kind: 'pin', id, pinned: !node.pinned }, enabled: true },
    { label: 'Select neighbours', command: { kind: 'selectNeighbours', id }, enabled: true },
    { label: 'Money trail', command: { kind: 'moneyTrail', id }, enabled: MONEY_KINDS.has(node.kind) },
    {
      label: 'Paths to selected',
      command: { kind: 'pathsToSelected', id },
      enabled: context.selectedOthers(id).length > 0,
    },
    // Last, so the wedges before it keep their places.
    {
      label: 'Run query…',
      command: { kind: 'runQuery', id, at: { x: node.x, y: node.y } },
      enabled: context.queriesFor(node.kind) > 0,
    },
  ];
}

export function attachContextMenu(
  cy: Core,
  context: MenuContext,
  onCommand: (command: NodeMenuCommand) => void,
): { destroy(): void } {
  return cy.cxtmenu({
    selector: 'node[kind]', // entities; "N more" markers have no kind
    menuRadius: 110,
    fillColor: 'rgba(31, 35, 40, 0.88)',
    activeFillColor: 'rgba(9, 105, 218, 0.9)',
    itemColor: '#fff',
    openMenuEvents: 'cxttapstart taphold',
    outsideMenuCancel: 10,
    commands: (ele: Singular) => {
      const node = ele.cy().$id(ele.id());
      const at = node.renderedPosition();
      const wedges = menuCommands(
        { id: node.id(), kind: String(node.data('kind') ?? ''), pinned: node.hasClass('pinned'), x: at.x, y: at.y },
        context,
      );
      return wedges.map((w) => ({
        content: w.label,
        enabled: w.enabled,
        contentStyle: { fontSize: '11px' },
        select: () => onCommand(w.command),
      }));
    },
  });
}
