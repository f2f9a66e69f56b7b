/**
 * Undoing an import run: every source citing the files the run loaded is taken off every fact, facts left
 * citing nothing go (the store's retractSources), the files' SourceFile entities with them (they cite
 * their own file), and the run is marked undone. Facts other files also assert stay, with those sources.
 * Running it again changes nothing more; a run interrupted while undoing is finished by undoing it again.
 */
import { invalidArgument } from '../../domain/errors.js';
import type { GraphStore, RetractResult } from '../../store/port.js';
import { getRun, runWrite, type RunRecord } from './import-runs.js';

export interface UndoResult {
  readonly run: RunRecord;
  /** The run had been undone before: nothing was left to change (or what was left is now gone). */
  readonly alreadyUndone: boolean;
  readonly retracted: RetractResult;
}

export async function undoImport(
  store: GraphStore,
  name: string,
  options: { readonly now?: () => Date; readonly active?: ReadonlySet<string> } = {},
): Promise<UndoResult> {
  const run = await getRun(store, name);
  if (options.active?.has(run.name)) {
    throw invalidArgument('run', `${run.name} is still loading: wait for it to end (or stop it) before undoing it`);
  }
  const retracted = await store.retractSources(run.files);
  const done: RunRecord = { ...run, status: 'undone', finishedAt: (options.now ?? (() => new Date()))().toISOString() };
  if (run.status !== 'undone') await store.write({ entities: [runWrite(done)], links: [] });
  return { run: run.status === 'undone' ? run : done, alreadyUndone: run.status === 'undone', retracted };
}
