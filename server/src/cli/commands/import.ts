/**
 * `ringtrace import <files...> --mapping <file|built-in>`: load seized exports; `--undo <run>` undoes a
 * run; `--list-mappings` names the built-ins. Exit codes (import-report.ts): 0 loaded (or nothing to do),
 * 1 failed (one line), 2 loaded with rejected rows, 3 a file stopped before its end, 130 interrupted
 * (run the same command again to resume).
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { invalidArgument } from '../../domain/errors.js';
import { guarded, withTokenOption, type CliAccess } from '../access.js';
import { positiveInteger } from '../options.js';
import { createProgress, type ProgressMode } from './import-progress.js';
import { RejectFile } from './import-rejects.js';
import { describeImport, describeUndo, exitCode } from './import-report.js';
import { openImportTarget, type ImportTarget } from './import-target.js';

interface ImportOptions {
  mapping?: string;
  dryRun?: boolean;
  force?: boolean;
  undo?: string;
  rejects?: string;
  title?: string;
  batchSize?: number;
  fast?: boolean;
  progress?: ProgressMode;
  json?: boolean;
  listMappings?: boolean;
  data?: string;
  server?: string;
}

/** `--mapping case-bundle <dir>`: a case bundle's CSV files, each with a mapping derived from its header. */
const CASE_BUNDLE = 'case-bundle';

/** `token:ab12... via ringtrace import (anna)`; through a server, the server prefixes its own caller. */
export function loadedBy(command: string, access?: CliAccess): string {
  const via = access?.caller ? `${access.caller.id} via ` : '';
  try {
    return `${via}ringtrace ${command} (${userInfo().username})`;
  } catch {
    return `${via}ringtrace ${command}`; // no passwd entry, as in some containers
  }
}

const print = (text: string) => process.stdout.write(`${text}\n`);

/** Ctrl-C stops between batches (the run stays resumable); a second one stops at once. */
function interruptible(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nringtrace: stopping after the current batch (again to stop at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSignal).off('SIGTERM', onSignal) };
}

async function withTarget<T>(
  access: CliAccess,
  o: ImportOptions,
  work: (target: ImportTarget) => Promise<T>,
): Promise<T> {
  const target = await openImportTarget(access.config, o.server, access.token);
  try {
    return await work(target);
  } finally {
    await target.close();
  }
}

async function runImportCommand(access: CliAccess, files: string[], o: ImportOptions): Promise<void> {
  const { config } = access;
  const { loadMapping, bundleImport } = await import('../../ingest/import/index.js');
  if (o.mapping === undefined) {
    throw invalidArgument('--mapping', 'name a mapping file or a built-in (--list-mappings)');
  }
  const paths = files.map((f) => resolve(config.cwd, f));
  for (const [i, p] of paths.entries()) if (!existsSync(p)) throw invalidArgument('files', `no file ${files[i]}`);
  let bundle: Awaited<ReturnType<typeof bundleImport>> | undefined;
  if (o.mapping === CASE_BUNDLE) {
    if (paths.length !== 1) throw invalidArgument('--mapping', `${CASE_BUNDLE} takes one case bundle directory`);
    bundle = await bundleImport(paths[0]!);
    if (bundle.files.length === 0) throw invalidArgument('files', `${files[0]} holds no entities/ or links/ CSV files`);
  }
  const mapping = bundle ? bundle.files[0]!.mapping : await loadMapping(o.mapping, config.cwd);
  const toLoad = bundle ? bundle.files : paths.map((path, i) => ({ path, name: files[i]! }));
  const progress = createProgress(o.progress ?? (process.stderr.isTTY ? 'bar' : 'none'));
  let run = o.dryRun ? 'dry-run' : 'import';
  const rejects = new RejectFile(() => resolve(config.cwd, o.rejects ?? `ringtrace-rejects-${run}.csv`));
  const { signal, dispose } = interruptible();
  try {
    const summary = await withTarget(access, o, (target) =>
      target.import({
        files: toLoad,
        mapping,
        label: bundle?.label,
        loadedBy: loadedBy('import', access),
        dryRun: o.dryRun === true,
        force: o.force === true,
        title: o.title,
        batchSize: o.batchSize,
        fast: o.fast,
        signal,
        onEvent: (e) => {
          if (e.type === 'start' && e.run) run = e.run;
          progress.onEvent(e);
          rejects.onEvent(e);
        },
      }),
    );
    progress.stop();
    await rejects.close();
    print(
      o.json
        ? JSON.stringify({ ...summary, rejectFile: rejects.written ?? null }, null, 2)
        : describeImport(summary, rejects.written),
    );
    process.exitCode = exitCode(summary);
  } finally {
    progress.stop();
    await rejects.close();
    dispose();
  }
}

export const importCommand = () =>
  withTokenOption(new Command('import'))
    .description('load seized exports (CSV, JSON Lines, YAML sequences, gzip of any) through a mapping')
    .argument('[files...]', 'files to load, in order (one run)')
    .option('--mapping <file|name>', 'mapping file (YAML or JSON) or built-in name (--list-mappings)')
    .option('--dry-run', 'report what would change, write nothing')
    .option('--force', 'load files again even if they were loaded before')
    .addOption(
      new Option('--undo <run>', 'undo an import run (see `ringtrace imports`)').conflicts(['dryRun', 'force']),
    )
    .option('--rejects <file>', 'where to write rejected rows (CSV; default ./ringtrace-rejects-<run>.csv)')
    .option('--title <text>', 'title (citation) recorded on each file')
    .option(
      '--batch-size <n>',
      'facts per transaction (default: 150 on the embedded engine, 10000 on Neo4j)',
      positiveInteger,
    )
    .option(
      '--fast',
      'embedded engine: a bulk load (batches of 100000 loaded with COPY, links at the end; other writes wait until it ends); default for files of 4 MiB or more',
    )
    .option('--no-fast', 'embedded engine: small batches whatever the size (other writes go between them)')
    .addOption(
      new Option('--progress <mode>', 'progress on stderr (default: bar on a terminal)').choices([
        'bar',
        'lines',
        'none',
      ]),
    )
    .option('--json', 'print the result as JSON')
    .option('--list-mappings', 'list the built-in mappings and exit')
    .option('--data <dir>', 'embedded database directory (default: RINGTRACE_DATA or ./data)')
    .option('--server <url>', 'import through a running server (default: the store, or the server that holds it)')
    .action(
      guarded(
        { name: 'import' },
        // The built-in mappings are no case data; an undo needs more than a load.
        (_files: string[], o: ImportOptions) =>
          o.listMappings ? null : o.undo !== undefined ? 'import:undo' : 'import:run',
        async (access, files: string[], o: ImportOptions) => {
          if (o.listMappings) {
            const { builtinMappingNames, builtinMapping } = await import('../../ingest/import/index.js');
            for (const name of await builtinMappingNames())
              print(`${name.padEnd(24)}${(await builtinMapping(name)).mapping.description}`);
            return;
          }
          if (o.undo !== undefined) {
            if (files.length > 0) throw invalidArgument('--undo', 'takes a run, not files');
            const result = await withTarget(access, o, (target) => target.undo(o.undo!));
            print(o.json ? JSON.stringify(result, null, 2) : describeUndo(result));
            return;
          }
          if (files.length === 0) throw invalidArgument('files', 'name at least one file to import (or --undo <run>)');
          await runImportCommand(access, files, o);
        },
      ),
    );
