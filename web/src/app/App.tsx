/**
 * Loads what every panel needs before the workspace opens: the model (styles, legend, menus) and the
 * database overview (engine, counts by kind). A server that is restarting is waited for (retry with
 * backoff); one that stays away gets a readable message and a button to try again.
 */

import { useCallback, useEffect, useState } from 'react';
import { fetchModel, fetchOverview, type Me, type ModelData } from '../api';
import { describeError, type Problem } from '../features/notices/describe-error';
import { OverviewDialog } from '../features/overview/OverviewDialog';
import { toOverview, type Overview } from '../features/overview/overview';
import { withRetry } from './retry';
import { Workspace } from './Workspace';

type State =
  | { status: 'loading'; attempt: number }
  | { status: 'failed'; problem: Problem }
  | { status: 'ready'; model: ModelData };

interface Props {
  /** Who is signed in (Root shows the sign-in screen until someone is). */
  readonly me: Me;
  readonly onSignOut: () => void;
}

export function App({ me, onSignOut }: Props) {
  const [state, setState] = useState<State>({ status: 'loading', attempt: 0 });
  const [overview, setOverview] = useState<Overview | undefined>();
  const [showOverview, setShowOverview] = useState(false);

  const load = useCallback((signal: AbortSignal) => {
    setState({ status: 'loading', attempt: 0 });
    const retry = { signal, onRetry: (attempt: number) => setState({ status: 'loading', attempt }) };
    withRetry(() => fetchModel(signal), retry).then(
      (model) => !signal.aborted && setState({ status: 'ready', model }),
      (error: unknown) =>
        !signal.aborted && setState({ status: 'failed', problem: describeError(error, 'load the model') }),
    );
    // The counts are a nicety: the workspace opens without them.
    withRetry(() => fetchOverview(signal), retry).then(
      (data) => !signal.aborted && setOverview(toOverview(data)),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [load]);

  if (state.status === 'loading') {
    return (
      <p className="page-message muted">
        {state.attempt === 0 ? 'Loading…' : `Waiting for the server (attempt ${state.attempt})…`}
      </p>
    );
  }
  if (state.status === 'failed') {
    const { problem } = state;
    return (
      <div className="page-message" role="alert">
        <h1>Ringtrace</h1>
        <p>
          <strong>{problem.title}</strong>
        </p>
        <p className="muted">{problem.detail}</p>
        <p>{problem.next}</p>
        <button type="button" onClick={() => load(new AbortController().signal)}>
          Try again
        </button>
      </div>
    );
  }
  const database = overview && {
    kinds: new Map([...overview.kinds, ...overview.systemKinds].map((k) => [k.name, k.count])),
    links: new Map(overview.links.map((l) => [l.name, l.count])),
  };
  const summary =
    overview &&
    `${overview.engine} · ${overview.totalEntities.toLocaleString('en-US')} entities · ${overview.totalLinks.toLocaleString('en-US')} links in the database`;
  return (
    <>
      <Workspace
        model={state.model}
        database={database}
        summary={summary}
        onShowOverview={() => setShowOverview(true)}
        me={me}
        onSignOut={onSignOut}
      />
      {showOverview && overview && <OverviewDialog overview={overview} onClose={() => setShowOverview(false)} />}
    </>
  );
}
