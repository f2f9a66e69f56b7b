/**
 * What the investigator asks for that needs the server: expand, open "N more", trace paths, connecting
 * network. Each asks the API (with retry while the server is away), then records ONE step on the
 * History (adding and highlighting together, so one undo takes a trace away), and says when a bound
 * cut the answer short. No React here: the workspace hands in a context.
 */

import { fetchConnectingNetwork, fetchNeighbourhood, fetchPaths, type Path, type Subgraph } from '../api';
import type { ApplyOptions } from '../canvas/create-canvas';
import { describeBounds } from '../features/notices/bounds';
import type { Notice } from '../features/notices/NoticeBar';
import {
  addSubgraph,
  collapseExpansion,
  expansionId,
  MONEY_LINK_TYPES,
  moneyTrail,
  parseMoreId,
  setHighlight,
  showMoneyTrail,
  type Command,
} from '../scene';
import type { Highlight, Scene } from '../scene/types';
import type { HistoryAction } from './history-reducer';
import { withRetry } from './retry';

/** Entities one double-click brings at most by default; the rest wait behind the "N more" marker. */
export const EXPAND_CAP = 100;
/** The caps the toolbar offers. */
export const EXPAND_CAPS: readonly number[] = [10, 25, 50, 100, 200, 500];
/** The API's bound on `limit`. */
const LIMIT_MAX = 500;
const MAX_HOPS = 6;
const PATHS_LIMIT = 10;

export interface OperationContext {
  dispatch(action: HistoryAction): void;
  /** The latest scene (not the one of the render that made the context). */
  scene(): Scene;
  notify(notice: Omit<Notice, 'id'> & { id?: string }): void;
  dismiss(id: string): void;
  /** Shows a readable error with what to do next, and a retry when it may pass. */
  fail(doing: string, error: unknown, retry?: () => void): void;
  /** Marks the app busy while `work` runs. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Entities an expansion brings at most (the investigator's setting). */
  expandCap(): number;
  /** How the canvas lays out the patch of the next step. */
  layoutNext(options: ApplyOptions): void;
  retryNotice(attempt: number): void;
}

const captionOf = (scene: Scene, id: string) => scene.nodes[id]?.entity.caption ?? id;
const call = <T>(ctx: OperationContext, work: () => Promise<T>) =>
  ctx.track(withRetry(work, { onRetry: (attempt) => ctx.retryNotice(attempt) }));

/** Says what a bound left out, under `key` (one notice per expansion or trace); clears it when nothing was. */
function boundsNotice(
  ctx: OperationContext,
  key: string,
  action: string,
  answer: Subgraph,
  hint: string,
  what?: string,
) {
  const lines = describeBounds(action, answer.truncated, what);
  const id = `bounds:${key}`;
  if (lines.length > 0) ctx.notify({ id, tone: 'warning', title: lines.join('; '), next: hint });
  else ctx.dismiss(id);
}

/** Adds what the answer holds and highlights the trace in one step. */
function traceCommand(answer: Subgraph, highlight: Highlight): Command {
  return (scene) => setHighlight(addSubgraph(scene, answer), highlight);
}

export async function expand(ctx: OperationContext, id: string, linkTypes: readonly string[] = []): Promise<void> {
  const caption = captionOf(ctx.scene(), id);
  try {
    const answer = await call(ctx, () =>
      fetchNeighbourhood({ ids: [id], depth: 1, linkTypes, limit: ctx.expandCap() }),
    );
    ctx.dispatch({
      type: 'do',
      command: (scene) => addSubgraph(scene, answer, { expansion: { seeds: [id], linkTypes, depth: 1 } }),
    });
    boundsNotice(
      ctx,
      expansionId([id], linkTypes, 1),
      `Expansion of ${caption}`,
      answer,
      'Click the “N more” marker next to it to bring the rest, or raise “Expand at most”.',
    );
  } catch (error) {
    ctx.fail(`expand ${caption}`, error, () => void expand(ctx, id, linkTypes));
  }
}

/** Opens an expansion's "N more" marker: the same expansion again with room for what was left out. */
export async function openMore(ctx: OperationContext, markerId: string): Promise<void> {
  const expansionId = parseMoreId(markerId);
  const expansion = ctx.scene().expansions.find((e) => e.id === expansionId);
  if (!expansion) return;
  const asked = expansion.truncated.find((t) => t.bound === 'limit');
  const omitted = expansion.truncated.reduce((n, t) => n + t.omitted, 0);
  const limit = Math.min(LIMIT_MAX, (asked?.value ?? EXPAND_CAP) + omitted);
  try {
    const answer = await call(ctx, () =>
      fetchNeighbourhood({ ids: expansion.seeds, depth: expansion.depth, linkTypes: expansion.linkTypes, limit }),
    );
    ctx.dispatch({
      type: 'do',
      command: (scene) =>
        addSubgraph(scene, answer, {
          expansion: {
            id: expansion.id,
            seeds: expansion.seeds,
            linkTypes: expansion.linkTypes,
            depth: expansion.depth,
          },
        }),
    });
    boundsNotice(
      ctx,
      expansion.id,
      `Expansion of ${expansion.seeds.map((seed) => captionOf(ctx.scene(), seed)).join(', ')}`,
      answer,
      `At most ${LIMIT_MAX} at once: expand by one relationship type to see the rest.`,
    );
  } catch (error) {
    ctx.fail('open the rest of the expansion', error, () => void openMore(ctx, markerId));
  }
}

/** Collapses every expansion seeded at `id` (what they alone brought goes) as one step. */
export function collapseAt(ctx: OperationContext, id: string): void {
  ctx.dispatch({
    type: 'do',
    command: (scene) =>
      scene.expansions.filter((e) => e.seeds.includes(id)).reduce((s, e) => collapseExpansion(s, e.id), scene),
  });
}

const linksOf = (paths: readonly Path[]) => [...new Set(paths.flatMap((p) => p.linkIds))];
const nodesOf = (paths: readonly Path[]) => [...new Set(paths.flatMap((p) => p.entityIds))];

export async function tracePaths(ctx: OperationContext, from: string, to: string): Promise<void> {
  const scene = ctx.scene();
  const what = `trace paths from ${captionOf(scene, from)} to ${captionOf(scene, to)}`;
  try {
    const answer = await call(ctx, () => fetchPaths({ from, to, maxHops: MAX_HOPS, limit: PATHS_LIMIT }));
    if (answer.paths.length === 0) {
      ctx.notify({
        tone: 'info',
        title: `No path of at most ${MAX_HOPS} hops from ${captionOf(scene, from)} to ${captionOf(scene, to)}`,
        next: 'They are not connected in the data loaded, or only through longer chains.',
      });
      return;
    }
    ctx.dispatch({
      type: 'do',
      command: traceCommand(answer.subgraph, {
        kind: 'paths',
        nodes: nodesOf(answer.paths),
        links: linksOf(answer.paths),
      }),
    });
    const hops = answer.paths[0]?.hops ?? 0;
    ctx.notify({
      id: 'trace',
      tone: 'info',
      title: `${answer.paths.length} shortest ${answer.paths.length === 1 ? 'path' : 'paths'} of ${hops} ${hops === 1 ? 'hop' : 'hops'}`,
      next: 'The rest of the scene is dimmed; Esc or “Clear trace” shows it again.',
    });
    boundsNotice(ctx, 'trace', 'Paths', answer.subgraph, 'Only the first shortest paths are shown.', 'paths');
  } catch (error) {
    ctx.fail(what, error, () => void tracePaths(ctx, from, to));
  }
}

export async function connectingNetwork(ctx: OperationContext, ids: readonly string[]): Promise<void> {
  try {
    const answer = await call(ctx, () => fetchConnectingNetwork({ ids, maxHops: MAX_HOPS }));
    const nodes = answer.subgraph.entities.map((e) => e.id);
    ctx.dispatch({
      type: 'do',
      command: traceCommand(answer.subgraph, { kind: 'network', nodes, links: answer.subgraph.links.map((l) => l.id) }),
    });
    ctx.notify({
      id: 'trace',
      tone: 'info',
      title: `Connecting network of ${ids.length} nodes: ${nodes.length} entities, ${answer.subgraph.links.length} links`,
      next: 'The rest of the scene is dimmed; Esc or “Clear trace” shows it again.',
    });
    if (answer.unconnected.length > 0) {
      const names = answer.unconnected.map((id) => captionOf(ctx.scene(), id)).join(', ');
      ctx.notify({
        tone: 'warning',
        title: `Not connected within ${MAX_HOPS} hops: ${names}`,
        next: 'The network joins the others; these stay on the canvas, dimmed.',
      });
    }
  } catch (error) {
    ctx.fail(`find the network connecting ${ids.length} nodes`, error, () => void connectingNetwork(ctx, ids));
  }
}

/** How far and how much a money trail reads: hops along payments and transfers, entities at most. */
const TRAIL_DEPTH = 3;
const TRAIL_LIMIT = 300;

/** Follows the money from a victim or a wallet; the trail is laid out left to right, the rest dimmed. */
export async function followMoney(ctx: OperationContext, start: string): Promise<void> {
  const caption = captionOf(ctx.scene(), start);
  try {
    const answer = await call(ctx, () =>
      fetchNeighbourhood({ ids: [start], depth: TRAIL_DEPTH, linkTypes: MONEY_LINK_TYPES, limit: TRAIL_LIMIT }),
    );
    const trail = moneyTrail(answer, start);
    if (trail.links.length === 0) {
      ctx.notify({
        tone: 'info',
        title: `No payment or transfer leaves ${caption}`,
        next: 'Money trails follow the money forward: start from the victim who paid or the wallet that sent.',
      });
      return;
    }
    ctx.layoutNext({ trail: trail.entities.map((e) => e.id) });
    ctx.dispatch({ type: 'do', command: (scene) => showMoneyTrail(scene, trail) });
    const wallets = trail.entities.filter((e) => e.kind === 'Wallet').length;
    ctx.notify({
      id: 'trace',
      tone: 'info',
      title: `Money trail from ${caption}: ${trail.links.length} payments and transfers to ${wallets} wallets`,
      next: 'Left to right as the money went; the rest is dimmed. Esc or “Clear trace” shows it again.',
    });
    boundsNotice(
      ctx,
      'trace',
      `Money trail from ${caption}`,
      answer,
      `It may go on: follow the money again from the last wallets.`,
    );
  } catch (error) {
    ctx.fail(`follow the money from ${caption}`, error, () => void followMoney(ctx, start));
  }
}
