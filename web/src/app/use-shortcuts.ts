import { useEffect, useRef } from 'react';
import { shortcutOf, type Shortcut } from './shortcuts';

const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Keys go to the element when it takes text (a checkbox does not: Ctrl+Z after a filter still undoes). */
function typing(target: HTMLElement | null): boolean {
  if (!target) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type);
}

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
        targetEditable: typing(target),
      });
      if (!shortcut) return;
      event.preventDefault();
      latest.current[shortcut]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
