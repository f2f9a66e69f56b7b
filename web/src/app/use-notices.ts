import { useCallback, useMemo, useState } from 'react';
import type { Notice } from '../features/notices/NoticeBar';

/** At most this many messages at once: the newest win. */
const SHOWN = 4;
/** Info notes go by themselves; errors and warnings stay until dismissed. */
const INFO_MS = 10_000;

export type NoticeInput = Omit<Notice, 'id'> & { readonly id?: string };

/** The messages above the canvas. A notice with the id of one shown replaces it (a retry, a new trace). */
export function useNotices() {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const dismiss = useCallback((id: string) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (input: NoticeInput) => {
      const id = input.id ?? `notice-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      setNotices((list) => [...list.filter((n) => n.id !== id), { ...input, id }].slice(-SHOWN));
      if (input.tone === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );
  return useMemo(() => ({ notices, notify, dismiss }), [notices, notify, dismiss]);
}
