/**
 * Undo and redo as a list of scenes: commands are pure, so going back is picking the previous scene.
 * A command that returns the scene it was given changed nothing and leaves no step to undo.
 */
import { emptyScene, type Command } from './commands/empty';
import type { History, Scene } from './types';

/** Steps kept; the oldest go first. Scenes share unchanged parts, so 200 of them cost little. */
export const HISTORY_DEPTH = 200;

export const createHistory = (present: Scene = emptyScene()): History => ({ past: [], present, future: [] });

/** Runs the command on the present scene and records the step (the redo list is dropped). */
export function apply(history: History, command: Command, depth: number = HISTORY_DEPTH): History {
  const next = command(history.present);
  if (next === history.present) return history;
  const past = [...history.past, history.present];
  return { past: past.length > depth ? past.slice(past.length - depth) : past, present: next, future: [] };
}

/**
 * Runs the command on the present scene without a step of its own: for what follows from the last step
 * rather than being one (positions the layout computed for what was just added).
 */
export function amend(history: History, command: Command): History {
  const next = command(history.present);
  return next === history.present ? history : { ...history, present: next };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const [next, ...future] = history.future;
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future };
}

export const canUndo = (history: History): boolean => history.past.length > 0;
export const canRedo = (history: History): boolean => history.future.length > 0;
