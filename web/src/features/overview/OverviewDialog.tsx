import { useEffect, useRef } from 'react';
import { CountTable } from './CountTable';
import type { Overview } from './overview';

/** What the database holds, by kind and relationship type, in the model's colours (the former start page). */
export function OverviewDialog({ overview, onClose }: { readonly overview: Overview; readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="overview" onClose={onClose} aria-label="Database overview">
      <header>
        <h2>Database overview</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label="Close">
          ×
        </button>
      </header>
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
    </dialog>
  );
}
