import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { embeddedDatabasePath } from '../../store/open-store.js';
import { guarded, withTokenOption } from '../access.js';
import { describeRuns } from './import-report.js';
import { openImportTarget } from './import-target.js';

/** `ringtrace imports`: every import run, oldest first, with its status (interrupted ones resume when run again). */
export const importsCommand = () =>
  withTokenOption(new Command('imports'))
    .description('list import runs (run, status, files, rows, rejected, mapping, who)')
    .option('--json', 'print JSON')
    .option('--data <dir>', 'embedded database directory (default: RINGTRACE_DATA or ./data)')
    .option('--server <url>', 'ask a running server (default: the store, or the server that holds it)')
    .action(
      guarded(
        { name: 'imports' },
        'import:run',
        async ({ config, token }, o: { json?: boolean; data?: string; server?: string }) => {
          if (o.server === undefined && !config.neo4j && !existsSync(embeddedDatabasePath(config.dataDir))) {
            throw new DomainError('NOT_FOUND', `no database in ${config.dataDir}`);
          }
          const target = await openImportTarget(config, o.server, token);
          try {
            const { runs, active } = await target.runs();
            process.stdout.write(
              `${o.json ? JSON.stringify({ runs, active: active ? [...active] : null }, null, 2) : describeRuns(runs, active)}\n`,
            );
          } finally {
            await target.close();
          }
        },
      ),
    );
