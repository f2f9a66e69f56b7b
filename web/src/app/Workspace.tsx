/**
 * The investigation workspace: search and toolbar on top, legend | canvas | details, the table below.
 * Wiring only: state is the History (reducer), server work is in operations.ts, drawing in canvas/.
 */

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { fetchProvenance, searchEntities, type Me, type ModelData, type SearchHit } from '../api';
import { relationshipsOf } from '../canvas/model-style';
import { GraphCanvas } from '../canvas/GraphCanvas';
import type { Canvas } from '../canvas/create-canvas';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { detailsOf } from '../features/details/details';
import type { LoadProvenance } from '../features/details/Provenance';
import { ExpandByMenu } from '../features/expand-by/ExpandByMenu';
import { Legend } from '../features/legend/Legend';
import { legendOf, type DatabaseCounts } from '../features/legend/legend';
import { NoticeBar } from '../features/notices/NoticeBar';
import { QueriesPanel } from '../features/queries/QueriesPanel';
import { RunQueryMenu } from '../features/queries/RunQueryMenu';
import { SearchBox } from '../features/search/SearchBox';
import { lacking } from '../features/session/rights';
import { SessionBadge } from '../features/session/SessionBadge';
import { TablePanel } from '../features/table/TablePanel';
import { Toolbar } from '../features/toolbar/Toolbar';
import { traceActions } from '../features/toolbar/trace-actions';
import {
  canRedo,
  canUndo,
  clearFilters,
  clearHighlight,
  createHistory,
  setLayout,
  toggleKind,
  toggleLinkType,
} from '../scene';
import type { LayoutName } from '../scene/types';
import { canvasEvents, menuContext, selectedEntities } from './canvas-events';
import { historyReducer } from './history-reducer';
import { connectingNetwork, EXPAND_CAPS, followMoney, tracePaths } from './operations';
import { installTestHook } from './test-hook';
import { useCanvasSync } from './use-canvas-sync';
import { useNotices } from './use-notices';
import { useOperations } from './use-operations';
import { useQueriesPanel } from './use-queries-panel';
import { useSceneShortcuts } from './use-scene-shortcuts';
import { addEntity } from './add-entity';
import { useRoute } from './use-route';
import { useViewFiles } from './use-view-files';

interface Props {
  readonly model: ModelData;
  readonly database: DatabaseCounts | undefined;
  readonly summary: string | undefined;
  readonly onShowOverview: () => void;
  readonly me: Me;
  readonly onSignOut: () => void;
}

export function Workspace({ model, database, summary, onShowOverview, me, onSignOut }: Props) {
  const [history, dispatch] = useReducer(historyReducer, undefined, () => createHistory());
  const { notices, notify, dismiss } = useNotices();
  const { ctx, busy, nextLayout, pending, latest, cap, setCap } = useOperations(history, dispatch, notify, dismiss);
  const [canvas, setCanvas] = useState<Canvas | null>(null);
  const [expandBy, setExpandBy] = useState<{ id: string; at: { x: number; y: number } } | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  // A role without query:run gets no library, no panel and no "Run query…" (the server refuses them too).
  const queriesLacking = lacking(me, 'query:run', 'Queries');
  const queries = useQueriesPanel(ctx, !queriesLacking);
  const scene = history.present;

  const kinds = useMemo(() => new Map(model.kinds.map((k) => [k.name, k])), [model]);
  const relationships = useMemo(() => new Map(model.relationships.map((r) => [r.name, r])), [model]);
  const ui = useMemo(
    () => ({
      openExpandBy: (id: string, at: { x: number; y: number }) => setExpandBy({ id, at }),
      moneyTrail: (id: string) => void followMoney(ctx, id),
      openRunQuery: (id: string, at: { x: number; y: number }) => queries.openMenu({ id, at }),
    }),
    [ctx, queries.openMenu],
  );
  const events = useRef(canvasEvents(ctx, ui));
  events.current = canvasEvents(ctx, ui);
  const menu = useMemo(() => menuContext(ctx, queries.queriesFor), [ctx, queries.queriesFor]);

  useCanvasSync(canvas, scene, nextLayout);
  useSceneShortcuts(ctx, canvas, () => {
    setExpandBy(null);
    queries.closeMenu();
  });
  useRoute(ctx);
  const views = useViewFiles(ctx, canvas);

  const canvasRef = useRef(canvas);
  canvasRef.current = canvas;
  useEffect(
    () => installTestHook({ canvas: () => canvasRef.current, history: () => latest.current, pending }),
    [latest, pending],
  );

  const search = useCallback(async (text: string, signal: AbortSignal) => {
    const page = await searchEntities({ text, first: 12 }, signal);
    return { hits: page.hits, total: page.totalCount, truncated: page.truncated };
  }, []);
  const onPick = useCallback((hit: SearchHit) => addEntity(ctx, canvasRef.current, hit.entity), [ctx]);
  const onSearchError = useCallback((error: unknown) => ctx.fail('search', error), [ctx]);
  const loadProvenance = useCallback<LoadProvenance>(
    async (id, signal) => (await fetchProvenance(id, signal)).sources,
    [],
  );

  const selected = selectedEntities(scene).map((id) => ({ id, kind: scene.nodes[id]?.entity.kind ?? '' }));
  const trace = traceActions(selected);
  const focus = scene.selection.at(-1);
  const details = focus ? detailsOf(scene, focus) : null;
  const legend = useMemo(() => legendOf(model, scene, database), [model, scene, database]);
  const expandNode = expandBy ? scene.nodes[expandBy.id] : undefined;

  const onLayout = (name: LayoutName) => {
    ctx.dispatch({ type: 'do', command: (s) => setLayout(s, name) });
    void canvas?.layout(name);
  };

  return (
    <div className="workspace" data-busy={busy}>
      <header className="topbar">
        <h1>Ringtrace</h1>
        <SearchBox search={search} kinds={kinds} onPick={onPick} onError={onSearchError} />
        {busy && <span className="spinner" role="status" aria-label="Working" />}
        <button type="button" className="overview-button" onClick={onShowOverview} data-testid="show-overview">
          Database overview
        </button>
        <SessionBadge me={me} onSignOut={onSignOut} />
      </header>
      <Toolbar
        layout={scene.layout}
        onLayout={onLayout}
        canUndo={canUndo(history)}
        canRedo={canRedo(history)}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        trace={trace}
        onTracePaths={() => selected[0] && selected[1] && void tracePaths(ctx, selected[0].id, selected[1].id)}
        onNetwork={() =>
          void connectingNetwork(
            ctx,
            selected.map((s) => s.id),
          )
        }
        onMoneyTrail={() => selected[0] && void followMoney(ctx, selected[0].id)}
        onClearTrace={scene.highlight ? () => ctx.dispatch({ type: 'do', command: clearHighlight }) : null}
        onSaveFile={views.saveFile}
        onOpenFile={views.openFile}
        onCopyLink={views.copyLink}
        onPng={views.png}
        onFit={() => canvas?.fit()}
        expandCap={cap}
        expandCaps={EXPAND_CAPS}
        onExpandCap={setCap}
        tableOpen={tableOpen}
        onToggleTable={() => setTableOpen(!tableOpen)}
        queriesOpen={queries.open}
        onToggleQueries={() => queries.show(!queries.open)}
        queriesDisabled={queriesLacking}
        busy={busy}
      />
      <NoticeBar notices={notices} onDismiss={dismiss} />
      <div className={['main', tableOpen && 'with-table', queries.open && 'with-queries'].filter(Boolean).join(' ')}>
        <Legend
          legend={legend}
          summary={summary}
          onToggleKind={(kind) => ctx.dispatch({ type: 'do', command: (s) => toggleKind(s, kind) })}
          onToggleLinkType={(type) => ctx.dispatch({ type: 'do', command: (s) => toggleLinkType(s, type) })}
          onClearFilters={() => ctx.dispatch({ type: 'do', command: clearFilters })}
        />
        <section className="stage">
          <GraphCanvas model={model} events={events} menu={menu} onReady={setCanvas} />
          {Object.keys(scene.nodes).length === 0 && (
            <div className="empty-hint">
              <p>Search for a name, a phone number or a wallet above to start.</p>
              <p className="muted small">Double-click a node to expand it; right-click for more. Ctrl+Z undoes.</p>
            </div>
          )}
          {expandBy && expandNode && (
            <ExpandByMenu
              at={expandBy.at}
              caption={expandNode.entity.caption}
              relationships={relationshipsOf(model, expandNode.entity.kind)}
              onPick={(type) => events.current.menu({ kind: 'expand', id: expandBy.id, linkTypes: [type] })}
              onClose={() => setExpandBy(null)}
            />
          )}
          {queries.menu && queries.menuQueries.length > 0 && (
            <RunQueryMenu
              at={queries.menu.at}
              caption={scene.nodes[queries.menu.id]?.entity.caption ?? queries.menu.id}
              queries={queries.menuQueries}
              onPick={(choice) => queries.menu && queries.openWith(choice, queries.menu.id)}
              onClose={queries.closeMenu}
            />
          )}
        </section>
        <DetailsPanel
          details={details}
          selected={scene.selection.length}
          kinds={kinds}
          relationships={relationships}
          loadProvenance={loadProvenance}
          onExpand={(id) => events.current.expand(id)}
          onPin={(id, pinned) => events.current.menu({ kind: 'pin', id, pinned })}
          onHide={(id) => events.current.menu({ kind: 'hide', id })}
        />
        {tableOpen && (
          <TablePanel scene={scene} kinds={kinds} onSelect={(id) => events.current.select([id], 'replace')} />
        )}
        {queries.mounted && (
          <QueriesPanel
            hidden={!queries.open}
            library={queries.library}
            model={model}
            styles={kinds}
            request={queries.request}
            run={queries.run}
            search={queries.search}
            onSelect={queries.onSelect}
            onReloadLibrary={queries.reload}
            onClose={() => queries.show(false)}
          />
        )}
      </div>
    </div>
  );
}
