import { useEffect, useRef } from 'react';
import { shortcutOf, type Shortcut } from './shortcuts';

/** Window-wide keyboard shortcuts (see shortcuts.ts); `handlers` is read when a key is pressed. */
export function useShortcuts(handlers: Readonly<Record<Shortcut, () => void>>) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // A dialog (the database overview) keeps its own keys: Escape closes it.
      if (target?.closest?.('dialog')) return;
      const shortcut = shortcutOf({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        ...(target?.tagName && { targetTag: target.tagName.toUpperCase() }),
        targetEditable: target?.isContentEditable === true,
      });
      if (!shortcut) return;
      event.preventDefault();
      latest.current[shortcut]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
