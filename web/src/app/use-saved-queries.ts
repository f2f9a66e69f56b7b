import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedQueryInfo } from '../api';
import { isAbort } from '../features/notices/describe-error';
import type { LibraryState } from '../features/queries/QueriesPanel';
import type { OperationContext } from './operations';
import { loadSavedQueries } from './query-operations';

/**
 * The saved-query library, loaded once the workspace opens (the canvas's "Run query with this node…"
 * needs it before the panel is ever shown). `current` is for the canvas menu, which reads it when opened.
 * Not loaded for a role without query:run (`enabled` false): the library is empty, so no node offers
 * "Run query…".
 */
export function useSavedQueries(ctx: OperationContext, enabled = true) {
  const [library, setLibrary] = useState<LibraryState>({ status: 'loading' });
  const current = useRef<readonly SavedQueryInfo[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) {
      current.current = [];
      setLibrary({ status: 'ready', queries: [] });
      return;
    }
    const abort = new AbortController();
    setLibrary({ status: 'loading' });
    loadSavedQueries(ctx, abort.signal).then(
      (queries) => {
        current.current = queries;
        setLibrary({ status: 'ready', queries });
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbort(error)) return;
        setLibrary({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [ctx, attempt, enabled]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { library, current, reload };
}
