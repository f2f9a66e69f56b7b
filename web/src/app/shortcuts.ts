/**
 * Keyboard shortcuts, as a pure mapping from a key event to an intent (tested without a DOM). Keys typed
 * into a text field are the field's own: the search box keeps Ctrl+Z and Delete.
 */

export type Shortcut = 'undo' | 'redo' | 'hide' | 'escape' | 'fit';

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** Tag name of the focused element, upper-case. */
  readonly targetTag?: string;
  readonly targetEditable?: boolean;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function shortcutOf(event: KeyLike): Shortcut | null {
  if (event.targetEditable || (event.targetTag && TYPING.has(event.targetTag))) return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && !event.altKey && !event.shiftKey && key === 'y') return 'redo';
  if (mod || event.altKey) return null;
  if (event.key === 'Delete' || event.key === 'Backspace') return 'hide';
  if (event.key === 'Escape') return 'escape';
  if (key === 'f' && !event.shiftKey) return 'fit';
  return null;
}
