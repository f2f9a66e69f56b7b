import { useEffect, useState } from 'react';
import { fetchOverview } from '../../api/overview';
import { CountTable } from './CountTable';
import { toOverview, type Overview } from './overview';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; overview: Overview };

/** What the database holds, by kind and relationship type, in the model's colours. */
export function OverviewPanel() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    fetchOverview(abort.signal).then(
      (data) => setState({ status: 'ready', overview: toOverview(data) }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', message: String((error as Error).message ?? error) });
      },
    );
    return () => abort.abort();
  }, []);

  if (state.status === 'loading') return <p className="muted">Loading…</p>;
  if (state.status === 'failed') return <p role="alert">Could not load the counts: {state.message}</p>;
  const { overview } = state;
  return (
    <>
      <p className="summary">
        <span data-testid="engine">{overview.engine}</span> ·{' '}
        <span data-testid="total-entities">{overview.totalEntities.toLocaleString('en-US')}</span> entities ·{' '}
        <span data-testid="total-links">{overview.totalLinks.toLocaleString('en-US')}</span> links
      </p>
      <div className="columns">
        <CountTable title="Entities by kind" rows={overview.kinds} testId="kind-count" />
        <CountTable title="Links by type" rows={overview.links} testId="link-count" />
        <CountTable title="Provenance" rows={overview.systemKinds} testId="system-count" />
      </div>
    </>
  );
}
