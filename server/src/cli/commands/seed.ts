import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { invalidArgument } from '../../domain/errors.js';
import { demoCaseDir } from '../../paths.js';
import { guarded, withTokenOption } from '../access.js';
import { summariseLoad } from '../load-summary.js';
import { withStore } from '../with-store.js';

function who(caller: string): string {
  try {
    return `${caller} via ringtrace seed (${userInfo().username})`;
  } catch {
    return `${caller} via ringtrace seed`; // no passwd entry, as in some containers
  }
}

export const seedCommand = () =>
  withTokenOption(new Command('seed'))
    .description('load the demo case (default) or a case bundle into the store; re-loading changes nothing')
    .addOption(new Option('--demo', 'load the demo case from seed/demo').conflicts('bundle'))
    .addOption(new Option('--bundle <dir>', 'load the case bundle in DIR (see `generate`)'))
    .option('--data <dir>', 'embedded database directory (default: RINGTRACE_DATA or ./data)')
    .action(
      // Loading a case is a bulk import: the loader's right.
      guarded(
        { name: 'seed' },
        'import:run',
        async ({ caller, config }, options: { demo?: boolean; bundle?: string; data?: string }) => {
          const dir = options.bundle === undefined ? demoCaseDir : resolve(config.cwd, options.bundle);
          if (!existsSync(dir)) throw invalidArgument('--bundle', `no case bundle at ${dir}`);
          // Loaded here, not at the top, so `--help` and usage errors stay fast.
          const { loadCaseBundle } = await import('../../ingest/case-bundle/index.js');
          const started = performance.now();
          let lastProgress = 0;
          const result = await withStore(config, (store) =>
            loadCaseBundle(store, dir, {
              loadedBy: who(caller!.id),
              onProgress: ({ file, rows }) => {
                if (!process.stderr.isTTY || performance.now() - lastProgress < 500) return;
                lastProgress = performance.now();
                process.stderr.write(`\r\x1b[K  ${file}: ${rows.toLocaleString('en-US')} rows`);
              },
            }),
          );
          if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stdout.write(`loaded ${dir} in ${seconds} s\n${summariseLoad(result)}\n`);
        },
      ),
    );
