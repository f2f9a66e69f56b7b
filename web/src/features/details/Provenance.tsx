import { useEffect, useState } from 'react';
import { formatValue } from './details';

/** One record behind a fact (the API's `Source`): file and row. */
export interface SourceInfo {
  readonly sha256: string;
  readonly locator: string;
  readonly fileName?: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly basis?: string | null;
  readonly loadedAt?: string | null;
  readonly loadedBy?: string | null;
}

export type LoadProvenance = (id: string, signal: AbortSignal) => Promise<readonly SourceInfo[]>;

type State =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; sources: readonly SourceInfo[] };

/** "Why is this here?": every source file and row that asserted the entity or link `id`. */
export function Provenance({ id, load }: { readonly id: string; readonly load: LoadProvenance }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    load(id, abort.signal).then(
      (sources) => !abort.signal.aborted && setState({ status: 'ready', sources }),
      (error: unknown) =>
        !abort.signal.aborted &&
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => abort.abort();
  }, [id, load]);

  if (state.status === 'loading') return <p className="muted small">Loading sources…</p>;
  if (state.status === 'failed') {
    return (
      <p className="error small" role="alert">
        Could not load the sources: {state.message}. Select it again to retry.
      </p>
    );
  }
  if (state.sources.length === 0) return <p className="muted small">No source recorded for this.</p>;
  return (
    <ol className="provenance" data-testid="provenance" data-for={id}>
      {state.sources.map((s) => (
        <li key={`${s.sha256}#${s.locator}`} data-testid="provenance-source">
          <div>
            <strong className="file-name">{s.fileName ?? `file ${s.sha256.slice(0, 12)}…`}</strong>{' '}
            <span className="locator">{s.locator.replace(':', ' ')}</span>
            {s.basis && <span className={`basis basis-${s.basis}`}>{s.basis}</span>}
          </div>
          {s.title && (
            <div className="small">
              {s.url ? (
                <a href={s.url} target="_blank" rel="noreferrer">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
            </div>
          )}
          <div className="muted small">
            sha256 {s.sha256.slice(0, 16)}…{s.loadedAt && ` · loaded ${formatValue(s.loadedAt)}`}
            {s.loadedBy && ` by ${s.loadedBy}`}
          </div>
        </li>
      ))}
    </ol>
  );
}
