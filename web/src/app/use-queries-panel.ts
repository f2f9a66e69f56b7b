/**
 * The Queries panel's wiring: whether it is open (it stays mounted once opened, so its form and last
 * answer survive closing it), the request "Run query with this node…" sends it, the node menu's list,
 * and the functions it calls: run (query-operations.ts), search restricted to kinds, select.
 */

import { useCallback, useMemo, useState } from 'react';
import { searchEntities } from '../api';
import type { SearchKinds } from '../features/queries/EntityInput';
import { queriesForKind, type NodeQuery } from '../features/queries/node-queries';
import type { QueryRequest, QueryRun } from '../features/queries/QueriesPanel';
import { select } from '../scene';
import type { OperationContext } from './operations';
import { runQuery } from './query-operations';
import { useSavedQueries } from './use-saved-queries';

/** `allowed`: the signed-in role may run queries; otherwise the library is not asked for and the panel stays shut. */
export function useQueriesPanel(ctx: OperationContext, allowed: boolean) {
  const { library, current, reload } = useSavedQueries(ctx, allowed);
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [request, setRequest] = useState<QueryRequest | null>(null);
  const [menu, setMenu] = useState<{ id: string; at: { x: number; y: number } } | null>(null);

  const show = useCallback(
    (next: boolean) => {
      if (next && !allowed) return;
      setOpen(next);
      if (next) setMounted(true);
    },
    [allowed],
  );
  const queriesFor = useCallback((kind: string) => queriesForKind(current.current, kind).length, [current]);
  const run = useCallback((r: QueryRun) => runQuery(ctx, r), [ctx]);
  const search = useCallback<SearchKinds>(
    async (text, kinds, signal) => (await searchEntities({ text, kinds, first: 8 }, signal)).hits,
    [],
  );
  const onSelect = useCallback(
    (ids: readonly string[]) => ctx.dispatch({ type: 'amend', command: (s) => select(s, ids, 'replace') }),
    [ctx],
  );
  const openWith = useCallback(
    (choice: NodeQuery, id: string) => {
      setRequest((r) => ({ name: choice.query.name, preset: { [choice.param]: id }, seq: (r?.seq ?? 0) + 1 }));
      show(true);
    },
    [show],
  );
  const menuQueries = useMemo(() => {
    const kind = menu ? ctx.scene().nodes[menu.id]?.entity.kind : undefined;
    return kind && library.status === 'ready' ? queriesForKind(library.queries, kind) : [];
  }, [menu, ctx, library]);

  return {
    library,
    reload,
    open,
    mounted,
    show,
    request,
    queriesFor,
    run,
    search,
    onSelect,
    menu,
    menuQueries,
    openMenu: setMenu,
    closeMenu: useCallback(() => setMenu(null), []),
    openWith,
  };
}
