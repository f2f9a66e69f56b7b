/**
 * The operation context (operations.ts) for the workspace: latest scene through a ref, busy tracking,
 * errors and bounds as notices, and the layout hint for the canvas's next patch.
 */

import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApplyOptions } from '../canvas/create-canvas';
import { describeError, isAbort } from '../features/notices/describe-error';
import { noticeOf } from '../features/notices/NoticeBar';
import type { History } from '../scene/types';
import { historyReducer, type HistoryAction } from './history-reducer';
import { EXPAND_CAP, type OperationContext } from './operations';
import type { NoticeInput } from './use-notices';

const RECONNECT = 'reconnect';

export function useOperations(
  history: History,
  dispatch: (action: HistoryAction) => void,
  notify: (notice: NoticeInput) => void,
  dismiss: (id: string) => void,
) {
  const latest = useRef(history);
  latest.current = history;
  const inFlight = useRef(new Set<Promise<unknown>>());
  const [busy, setBusy] = useState(0);
  const nextLayout = useRef<ApplyOptions | null>(null);
  const [cap, setCap] = useState(EXPAND_CAP);
  const capRef = useRef(cap);
  capRef.current = cap;

  const ctx = useMemo<OperationContext>(
    () => ({
      dispatch: (action) => {
        // The next render's history is not here yet: keep `scene()` right for a second step in a row.
        latest.current = historyReducer(latest.current, action);
        dispatch(action);
      },
      scene: () => latest.current.present,
      notify,
      dismiss,
      fail(doing, error, retry) {
        if (isAbort(error)) return;
        dismiss(RECONNECT);
        notify(noticeOf(`error:${doing}`, describeError(error, doing), retry));
      },
      track(work) {
        inFlight.current.add(work);
        setBusy((n) => n + 1);
        const done = () => {
          inFlight.current.delete(work);
          setBusy((n) => n - 1);
        };
        work.then(() => {
          done();
          dismiss(RECONNECT);
        }, done);
        return work;
      },
      expandCap: () => capRef.current,
      layoutNext(options) {
        nextLayout.current = options;
      },
      retryNotice(attempt) {
        notify({
          id: RECONNECT,
          tone: 'warning',
          title: `The server did not answer; trying again (${attempt})…`,
          next: 'It may be restarting. Your scene is kept.',
        });
      },
    }),
    [dispatch, notify, dismiss],
  );

  const pending = useCallback(() => Promise.allSettled([...inFlight.current]), []);
  return { ctx, busy: busy > 0, nextLayout, pending, latest, cap, setCap };
}
