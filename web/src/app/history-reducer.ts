/**
 * The investigation's History in a React reducer. `do` records a step (undo goes back over it); `amend`
 * changes the present without a step: what follows from the last step rather than being one (positions
 * a layout computed, which node is selected). `replace` starts over (a new investigation).
 */

import { amend, apply, createHistory, redo, undo, type Command } from '../scene';
import type { History, Scene } from '../scene/types';

export type HistoryAction =
  | { readonly type: 'do'; readonly command: Command }
  | { readonly type: 'amend'; readonly command: Command }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'replace'; readonly scene: Scene };

export function historyReducer(history: History, action: HistoryAction): History {
  switch (action.type) {
    case 'do':
      return apply(history, action.command);
    case 'amend':
      return amend(history, action.command);
    case 'undo':
      return undo(history);
    case 'redo':
      return redo(history);
    case 'replace':
      return createHistory(action.scene);
  }
}
