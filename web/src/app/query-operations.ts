/**
 * Running a query from the Queries panel: one API call (retried while the server is away; a query only
 * reads), then ONE step that adds what the rows name and highlights it, so one undo takes the answer off
 * the canvas. The answer goes back to the panel for its table, bounds and errors.
 */

import { fetchSavedQueries, runCypher, runSavedQuery, type QueryAnswer, type SavedQueryInfo } from '../api';
import type { QueryRun } from '../features/queries/QueriesPanel';
import { plural } from '../features/queries/query-messages';
import { addSubgraph, setHighlight } from '../scene';
import type { OperationContext } from './operations';
import { withRetry } from './retry';

export async function runQuery(ctx: OperationContext, run: QueryRun): Promise<QueryAnswer> {
  const ask = () =>
    run.kind === 'saved'
      ? runSavedQuery({ name: run.name, params: run.params, ...run.bounds })
      : runCypher({ query: run.query, params: run.params, ...run.bounds });
  const answer = await ctx.track(withRetry(ask, { onRetry: (attempt) => ctx.retryNotice(attempt) }));
  const { subgraph } = answer;
  if (subgraph.entities.length === 0) return answer;
  ctx.dispatch({
    type: 'do',
    command: (scene) =>
      setHighlight(addSubgraph(scene, subgraph), {
        kind: 'query',
        nodes: subgraph.entities.map((e) => e.id),
        links: subgraph.links.map((l) => l.id),
      }),
  });
  ctx.notify({
    id: 'trace',
    tone: 'info',
    title: `${answer.name ?? 'Cypher'}: ${plural(subgraph.entities.length, 'entity', 'entities')} and ${plural(subgraph.links.length, 'link')} highlighted`,
    next: 'The rest of the scene is dimmed; Esc or “Clear trace” shows it again. Ctrl+Z takes the answer off.',
  });
  return answer;
}

/** The library, waited for while the server restarts. */
export function loadSavedQueries(ctx: OperationContext, signal: AbortSignal): Promise<SavedQueryInfo[]> {
  return withRetry(() => fetchSavedQueries(signal), { signal, onRetry: (attempt) => ctx.retryNotice(attempt) });
}
